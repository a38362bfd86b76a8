"""The catalogue: records in archive/, their schema, authority files, ingest and check."""
