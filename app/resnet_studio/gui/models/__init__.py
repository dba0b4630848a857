"""The Models view, in rooms: the view itself (:mod:`.view`) and the parts it is made of.

- :mod:`.library_list`: the list on the left, the ImageNet zoo and the user's trained models;
- :mod:`.details`: the chosen model's details on the right (overview, stages, layers, categories,
  metrics) and its architecture summary;
- :mod:`.actions`: use, download, import, rename, delete / undo and export, with their buttons;
- :mod:`.runs_panel`: the "Training runs" page (list, compare, delete / undo);
- :mod:`.roles`: the item roles and page numbers they share.

The parts are mixins of the one :class:`~.view.ModelsView` widget, so every widget stays an
attribute of the view (tests and screenshots reach them there). Their engine calls go through
:mod:`..jobs.library`. ``from resnet_studio.gui.models_view import ModelsView`` keeps working.
"""
