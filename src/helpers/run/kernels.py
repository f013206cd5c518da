"""Kernels the runner starts, warms and watches: a kernel that dies fails its stage within
seconds, whether it dies while warming up or while running a notebook.

papermill drives a kernel through a blocking client whose waits have no end while a cell runs;
`SupervisedKernelClient`'s channels wait in one-second steps and check between them that the
kernel process still lives.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from queue import Empty

from jupyter_client import KernelManager
from jupyter_client.blocking.client import BlockingKernelClient
from jupyter_client.channels import ZMQSocketChannel
from nbclient.exceptions import DeadKernelError
from traitlets import Type

from helpers.core.paths import PROJECT_ROOT

#: How often a waiting channel checks that its kernel lives.
CHECK_SECONDS = 1.0
#: Longest wait for a kernel to start and finish its warm-up imports.
READY_SECONDS = 60
WARM_UP_SECONDS = 300


class _WatchedChannel(ZMQSocketChannel):
    """A channel whose waits end when its kernel process has died (DeadKernelError)."""

    alive = None  # set by the client: a callable returning whether the kernel lives

    def get_msg(self, timeout: float | None = None):
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            left = CHECK_SECONDS if deadline is None else max(0.0, deadline - time.monotonic())
            try:
                return super().get_msg(min(CHECK_SECONDS, left))
            except Empty:
                if self.alive is not None and not self.alive():
                    raise DeadKernelError("the kernel died") from None
                if deadline is not None and time.monotonic() >= deadline:
                    raise


class SupervisedKernelClient(BlockingKernelClient):
    """A blocking client whose shell and iopub waits notice a dead kernel."""

    shell_channel_class = Type(_WatchedChannel)
    iopub_channel_class = Type(_WatchedChannel)

    @property
    def shell_channel(self):
        channel = BlockingKernelClient.shell_channel.fget(self)
        channel.alive = self._process_alive
        return channel

    @property
    def iopub_channel(self):
        channel = BlockingKernelClient.iopub_channel.fget(self)
        channel.alive = self._process_alive
        return channel

    def _process_alive(self) -> bool:
        return exit_code(self.parent) is None


def exit_code(km: KernelManager) -> int | None:
    """The kernel process's exit code, None while it runs (or when it cannot be told)."""
    process = getattr(getattr(km, "provisioner", None), "process", None)
    return process.poll() if process is not None else None


def death_message(km: KernelManager) -> str:
    code = exit_code(km)
    how = {-9: " (killed: SIGKILL, perhaps for lack of memory)", -15: " (terminated: SIGTERM)"}
    return f"its kernel died (exit code {code}{how.get(code, '')})"


def start_warm_kernel(stage: str, log_dir: Path, warm_up: str, env: dict[str, str]) -> KernelManager:
    """A python3 kernel started in the project root with `env` added to this process's
    environment, that has run `warm_up` (imports); its own output goes to
    `log_dir/<stage>.kernel.log`. Returns when the imports are done (call it from
    a worker thread to overlap with other work). Raises RuntimeError when the kernel dies or
    does not finish in WARM_UP_SECONDS. An error in the imports themselves is ignored: the
    notebook meets it again and reports it in context."""
    km = KernelManager(kernel_name="python3", client_class=f"{__name__}.SupervisedKernelClient")
    with open(log_dir / f"{stage}.kernel.log", "w", encoding="utf-8") as log:
        km.start_kernel(cwd=str(PROJECT_ROOT), stdout=log, stderr=log, env={**os.environ, **env})
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=READY_SECONDS)
        msg_id = kc.execute(warm_up, silent=True, store_history=False)
        deadline = time.monotonic() + WARM_UP_SECONDS
        while (
            kc.get_shell_msg(timeout=max(0.0, deadline - time.monotonic()))["parent_header"].get("msg_id")
            != msg_id
        ):
            pass
    except DeadKernelError:
        raise RuntimeError(f"{death_message(km)} while starting") from None
    except Empty:
        km.shutdown_kernel(now=True)
        raise RuntimeError(f"its kernel did not finish starting in {WARM_UP_SECONDS} s") from None
    except RuntimeError as exc:  # wait_for_ready: "Kernel died before replying to kernel_info"
        if exit_code(km) is not None:
            raise RuntimeError(f"{death_message(km)} while starting") from exc
        raise
    finally:
        kc.stop_channels()
    return km
