"""Staff accounts and roles, enforced below the UI in one service (:class:`service.AccessService`), which the
``zuil accounts`` commands call (the officer and technician screens are not built yet).

:mod:`roles` says which role may do what; :mod:`credentials` parses account names, PINs and passwords and hashes
them with Argon2id; :mod:`accounts` stores the accounts in the record store; :mod:`sessions` is a logged-in
session with its idle limit; :mod:`decisions` records officers' decisions with the four-eyes rule;
:mod:`views` are what each role is shown; :mod:`errors` the typed refusals. Import the modules themselves; this
package file imports nothing.
"""
