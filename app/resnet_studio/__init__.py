"""ResNet Studio: classify images with ResNet models and teach them new categories."""

__version__ = "0.1.0"
