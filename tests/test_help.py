"""Every command and option explains itself, with an example."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from inspectx.cli import cli

COMMANDS = sorted(cli.commands)


@pytest.mark.parametrize("name", COMMANDS)
def test_command_has_help_with_an_example(name):
    command = cli.commands[name]
    assert command.help and "Example" in command.help
    for param in command.params:
        if isinstance(param, click.Option):
            assert param.help, f"{name} {param.opts} has no help"


@pytest.mark.parametrize("name", COMMANDS)
def test_every_option_shows_an_example(name):
    for param in cli.commands[name].params:
        if isinstance(param, click.Option):
            assert "Example" in param.help, f"{name} {param.opts}"


def test_help_lists_every_command():
    result = CliRunner().invoke(cli, ["--help"], catch_exceptions=False)
    for name in COMMANDS:
        assert name in result.output


def test_no_arguments_print_usage_and_commands_without_an_error_prefix():
    result = CliRunner().invoke(cli, [], catch_exceptions=False)
    assert result.exit_code == 2
    assert result.stderr.startswith("Usage: ")
    assert "Error" not in result.stderr
    for name in COMMANDS:
        assert name in result.stderr
