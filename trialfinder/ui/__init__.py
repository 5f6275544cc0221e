"""The Qt user interface: windows, pages, widgets and theme."""
