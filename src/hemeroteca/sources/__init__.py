"""Reading raw sources: bytes to text, boilerplate out, headline found."""
