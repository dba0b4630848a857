"""Background jobs: the one bridge between the window and the engine.

Every module here runs engine work off the GUI thread (worker threads, or the training helper
process) and reports back with Qt signals carrying plain values and QImage copies. Outside this
package, GUI modules use only the engine's torch-free tables (errors, zoo, paths, plain).
"""
