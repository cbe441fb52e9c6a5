"""The exceptions inspectx raises; the CLI maps them to error records and exit codes."""

from __future__ import annotations


class InspectxError(Exception):
    """Base class: something about one input or the set-up that a user can act on."""

    #: the short machine-readable name used in error records
    kind = "error"


class NotTextError(InspectxError):
    """The input is binary or cannot be decoded as text."""

    kind = "not_text"


class InputTooLargeError(InspectxError):
    """The input is larger than the configured size limit."""

    kind = "too_large"


class ReadError(InspectxError):
    """The input could not be read (missing, unreadable, a broken link)."""

    kind = "read_error"


class ModelError(InspectxError):
    """The requested spaCy pipeline is not installed or cannot be loaded."""

    kind = "model_error"


class InputTimeoutError(InspectxError):
    """Extracting one input took longer than the time limit."""

    kind = "timeout"


class ExtraNotInstalledError(InspectxError):
    """A feature needs an optional extra that is not installed (e.g. `inspectx[sqlite]`)."""

    kind = "extra_not_installed"


class OutputError(InspectxError):
    """The output cannot be written (missing or read-only folder, full device, not a SQLite database)."""

    kind = "output_error"


class OutputBusyError(OutputError):
    """Another run is writing the same output file: a usage error (exit 2), as when it is
    found before any work."""


class WorkerDiedError(InspectxError):
    """The worker process extracting the input died (killed, or out of memory)."""

    kind = "worker_died"


class WorkerStartError(InspectxError):
    """A worker process could not be started (the interpreter cannot be run, no processes
    left): a set-up error for the whole run, never an input's record."""

    kind = "worker_start_error"


class UnexpectedError(InspectxError):
    """Extracting one input raised an exception inspectx does not expect; `kind` is its class name."""

    def __init__(self, message: str, kind: str = "error") -> None:
        super().__init__(message)
        self.kind = kind

    def __reduce__(self):
        return (type(self), (str(self), self.kind))
