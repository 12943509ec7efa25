"""The entrepreneur's side of the portal ("Mijn bedrijf"): a profile made step by step and
kept as a draft until it is submitted for moderation (drafts.py, forms.py, views.py), its
photos (photos.py), claiming a business already listed (claims.py), and who owns a business
and where its profile stands (ownership.py)."""
