"""Out-of-memory recovery: after the GPU (or the computer) runs out of memory, go on with half as
many pictures per pass, down to :data:`OOM_MIN_BATCH`; then a readable error."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import ModelError

if TYPE_CHECKING:
    from .run import _Run


#: Fewest pictures per pass after out-of-memory retries (batch norm needs a few to learn from).
OOM_MIN_BATCH = 2


def _out_of_memory(run: _Run, micro: int, exc: BaseException) -> int:
    """The GPU ran out of memory: free what the failed pass held and go on with half as many
    pictures per pass (gradients of the halves add up, so a step means the same). Below
    :data:`OOM_MIN_BATCH` (or with several processes, which must stay in step) it is an error."""
    import gc

    import torch

    gc.collect()
    if torch.cuda.is_available():
        torch.cuda.empty_cache()
    smaller = micro // 2
    if run.dist is not None or smaller < OOM_MIN_BATCH:
        why = ("with several processes the batch cannot shrink in one of them"
               if run.dist is not None else f"even with {micro} pictures at a time")
        raise ModelError(
            f"The {'GPU' if run.device.type == 'cuda' else 'computer'} ran out of memory ({why}). "
            "Try a smaller --batch-size or --image-size, or a smaller network.",
            details=str(exc)[:2000],
        ) from exc
    message = (f"The {'GPU' if run.device.type == 'cuda' else 'computer'} ran out of memory with {micro} "
               f"pictures at a time; going on with {smaller} at a time (the results stay the same, "
               "training is a little slower).")
    run.warnings.append(message)
    run.stage("training", message)
    return smaller
