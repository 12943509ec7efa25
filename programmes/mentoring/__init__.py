"""Mentoring: founders ask for help, staff propose a mentor or a municipal contact, the mentor
answers through a private link, and each introduction is followed to its end.

- models/: mentors, contacts and needs (people.py); requests, proposals, introductions and
  their events (requests.py);
- matching.py: the engine, pure functions that rank mentors and explain why;
- candidates.py: from the database to the engine's plain data;
- steps.py: what happens to a request, step by step, with its e-mails;
- progress.py: where a request stands, reminders, and the figures for staff;
- views.py, forms.py, urls.py: the founder's and the mentor's pages; admin.py: staff's queue;
- consent.py: what a founder agrees to.
"""
