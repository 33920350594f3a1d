"""The staff views that replace the participant's screens after a staff login: one module per view."""
