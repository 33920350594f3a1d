"""Exchange files made from the intake record: the ANSI/NIST-ITL 1-2011 transaction for the police systems."""
