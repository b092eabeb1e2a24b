"""Minutes of a session: one document model (``blocks``), built from the session state
(``build``), rendered to Markdown, HTML and Word (``markdown``, ``html``, ``docx``)."""
