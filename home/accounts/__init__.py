"""The visitor's account: signing up and in with django-allauth (adapter.py), the account page
with download and deletion (views.py, urls.py), and the language chosen for e-mails
(languages.py)."""
