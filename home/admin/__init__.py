"""What staff see in the Wagtail admin that belongs to no other app: the background tasks
(tasks.py, Instellingen → Achtergrondtaken)."""
