"""Rendering: records to the MkDocs source tree in docs/.

``model`` builds the whole site as data first (articles and their facets);
``pages`` and ``indexes`` turn that model into Markdown; ``writer`` puts the
files on disk, touching only those whose content changed.
"""
