"""The bad-input corpus: broken workspace files, each with the exact problems it must give (cases.py)."""
