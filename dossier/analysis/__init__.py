"""Reading text: tokens and names, figures, times, who says what."""
