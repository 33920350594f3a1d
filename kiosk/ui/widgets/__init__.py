"""The participant screens' own widgets: touch buttons, the numeric keypad, the hand diagram, pictograms."""
