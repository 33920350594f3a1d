"""What the kiosk says aloud: voices (espeak-ng), recorded prompts per site, WAV handling, playback. No Qt."""
