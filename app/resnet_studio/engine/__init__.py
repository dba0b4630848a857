"""The Qt-free engine: everything the app can do, callable from Python, the CLI and tests.

Nothing under this package may import Qt. Heavy modules (torch) are imported by the submodules that
need them, so `import resnet_studio.engine.errors` stays cheap for the GUI.
"""
