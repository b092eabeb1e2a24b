"""dilemmaspel: integrity dilemma training for Dutch political office holders."""

__version__ = "0.1.0"
