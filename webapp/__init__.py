"""The Streamlit side of the page (app.py's parts); everything it shows is built by ``geo``."""
