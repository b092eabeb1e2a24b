"""The Textual user interface. Screens read session state and emit engine commands."""
