"""What the workspace says in other formats: JSON Schemas of its files for editors."""
