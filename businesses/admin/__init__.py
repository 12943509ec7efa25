"""What staff do with businesses in the Wagtail admin beyond editing them: claims to check
(claims.py), coordinates to fix (locations.py), reports (views.py), publishing many at once
(bulk_actions.py) and marking a business as closed (closing.py)."""
