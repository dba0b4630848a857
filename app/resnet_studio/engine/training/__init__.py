"""Teaching a ResNet the user's categories: three modes, events out of the loop, cancel, best model.

Modes (``TrainConfig.mode``):

* **head**: the pre-trained backbone stays frozen and only the last layer learns. Backbone features
  of every picture are computed once and cached on disk (:mod:`features`), so the first run costs
  one pass over the pictures and any later run on the same pictures (other settings) starts at once.
  The last layer learns on standardised features (better conditioned), folded back into ``fc``.
* **finetune**: the last stage (``layer4``) and the last layer learn; the frozen front runs without
  gradients, with its batch-norm statistics fixed.
* **full**: every layer learns, the classic recipe: SGD with momentum 0.9, weight decay, warm-up
  then a cosine (or step) schedule. From scratch on small pictures (64 px or less) the model gets
  the small-image stem (3x3 stride-1 first convolution, no max-pool).

``auto`` picks head on a CPU (minutes → seconds), last-stage on a GPU with enough pictures, and full
from scratch. Pictures are decoded once at a modest size and kept in RAM (:mod:`train_data`);
batches are made in a thread while the model computes. The best model by validation accuracy is
written atomically after each improvement to ``<name>.partial.safetensors`` beside the output, and
put in the output's place (one atomic rename) when the run ends: a model file the user already had
stays whole until then, and a crash or a kill leaves it intact with the best so far beside it. A
cancel keeps the best so far too (see :meth:`_Run.finish`). One run at a time may save to a file
(:func:`fileio.output_lock`); a folder as output means "a new file in there".
Deterministic for a seed on the CPU; mixed precision on CUDA. Unreadable pictures are skipped and
listed in ``TrainResult.skipped``.

Where the code lives (one room, one job):

* :mod:`.contract`: the public contract: :class:`TrainConfig`, the events (:class:`StageEvent`,
  :class:`BatchEvent`, :class:`EpochEvent`), :class:`TrainResult`, :class:`EvalResult`,
  :class:`TrainPlan` and the constants (``MODES``...). Imports nothing heavy: the window's launch
  dialog and the run records use it without loading numpy, Pillow or torch.
* :mod:`.planning`: what ``auto`` and ``None`` become (:func:`plan_training`), the config checks,
  the preprocessing a run uses and the header of an ``init_model``. Light too.
* :mod:`.runner`: :func:`train` itself, from the folder to the model in place, and the start of a
  torchrun run (the multi-GPU machinery is :mod:`..distributed`).
* :mod:`.outputs`: where the model is saved, claimed before any work (``reserve_output``).
* :mod:`.run`: one run's state (``_Run``): events, the best model, save / finish / salvage, result.
* :mod:`.base_model`: the starting weights (ImageNet, an ``init_model``, none) and the network.
* :mod:`.head`: head mode, on cached features. :mod:`.network`: finetune and full, on pictures;
  :mod:`.network_setup`: what that loop shares with the LR finder; :mod:`.schedule`: the learning
  rate schedule and the progress clock both loops use.
* :mod:`.out_of_memory`: going on with smaller passes when the GPU runs out of memory.
* :mod:`.evaluate`: :func:`evaluate`, a saved model on a labelled folder.

``resnet_studio.engine.train`` re-exports all of it, so callers import from there as before. This
package's ``__init__`` imports nothing, so importing :mod:`.contract` stays cheap.
"""
