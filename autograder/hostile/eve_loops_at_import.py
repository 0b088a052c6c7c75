# HOSTILE: loops forever at import.
while True:
    pass
