"""The command line as data, read from the built flinklint itself.

The subcommands, options, value types and choices come from CLI11's `--help` of each subcommand
(cli/app.cpp defines them), the rule ids from `flinklint rules --format json`, and the Flink
versions from `flinklint --version --format json`, so the man page and the completions follow the
binary without a hand-kept list.
"""
import json
import re
import subprocess
from dataclasses import dataclass, field

# A help entry: two spaces, the names/type column, then two or more spaces and the description.
_ENTRY = re.compile(r"^  (\S.*?)(?:\s{2,}(\S.*))?$")
_CONTINUATION = re.compile(r"^\s{10,}(\S.*)$")
# A description that ends with its values: "Output format: text, json, sarif" or "legacy, yaml or k8s";
# a value may carry a note in parentheses: "text, concise (one line per finding), json".
_NOTE = r"(?: \([^)]*\))?"
_PROSE_CHOICES = re.compile(r":\s*([a-z0-9-]+" + _NOTE + r"(?:(?:, | or )[a-z0-9-]+" + _NOTE + r")+)$")


@dataclass
class Option:
    names: list          # ["-o", "--output"]
    value: str = ""      # "" for a flag, else TEXT, UINT, FILE, ...
    choices: list = field(default_factory=list)
    description: str = ""
    multiple: bool = False
    required: bool = False

    @property
    def long(self):
        return next((n for n in self.names if n.startswith("--")), self.names[0])

    @property
    def flag(self):
        return not self.value


@dataclass
class Command:
    name: str
    description: str
    usage: str = ""
    positionals: list = field(default_factory=list)
    options: list = field(default_factory=list)


@dataclass
class Cli:
    program: Command
    commands: list
    rules: list          # [{"id": "FL101", "name": "unknown-key", "summary": ...}, ...]
    version: dict        # `flinklint --version --format json`


def _run(binary, *args):
    result = subprocess.run([binary, *args], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"{binary} {' '.join(args)} exited {result.returncode}: {result.stderr}")
    return result.stdout


def _entry(column, description):
    """One option or positional from its names/type column and description."""
    tokens = column.split()
    names = tokens[0].split(",")
    option = Option(names=names, description=description)
    rest = tokens[1:]
    while rest and rest[-1] != "..." and not re.fullmatch(r"[A-Z]+(:\{.*\})?", rest[-1]):
        rest.pop()  # "Needs: --version", "Excludes: ..." and the like
    for token in rest:
        if token == "...":
            option.multiple = True
        elif token == "REQUIRED":
            option.required = True
        elif not option.value:
            value, _, choices = token.partition(":")
            option.value = value
            if choices.startswith("{"):
                option.choices = choices.strip("{}").split(",")
    if not option.choices:
        match = _PROSE_CHOICES.search(description)
        if match and not option.flag:
            option.choices = re.split(r", | or ", re.sub(r" \([^)]*\)", "", match.group(1)))
    return option


def parse_help(name, text):
    """A Command from CLI11's help text."""
    lines = text.splitlines()
    command = Command(name=name, description=lines[0].strip() if lines else "")
    section = None
    entries = []
    for line in lines[1:]:
        if line.startswith("Usage:"):
            command.usage = line.split(":", 1)[1].strip()
        elif line and not line.startswith(" ") and line.endswith(":"):
            section = line[:-1]
        elif section and (match := _CONTINUATION.match(line)) and entries:
            entries[-1][2] = (entries[-1][2] + " " + match.group(1)).strip()
        elif section and (match := _ENTRY.match(line)):
            entries.append([section, match.group(1), match.group(2) or ""])
    for section, column, description in entries:
        entry = _entry(column, description)
        if section == "Positionals":
            command.positionals.append(entry)
        elif section == "Options":
            command.options.append(entry)
        elif section == "Subcommands":
            command.positionals.append(entry)  # the program's subcommands, resolved by read_cli
    return command


def read_cli(binary):
    program = parse_help("flinklint", _run(binary, "--help"))
    subcommands = program.positionals
    program.positionals = []
    commands = [parse_help(sub.names[0], _run(binary, sub.names[0], "--help")) for sub in subcommands]
    for command, sub in zip(commands, subcommands):
        command.description = sub.description or command.description
    rules = json.loads(_run(binary, "rules", "--format", "json"))["rules"]
    version = json.loads(_run(binary, "--version", "--format", "json"))
    if not commands or not rules:
        raise SystemExit(f"{binary}: no subcommands or no rules found in its help")
    return Cli(program=program, commands=commands, rules=rules, version=version)


def value_kind(option):
    """What a value completes to: ("choices", [...]), ("versions",), ("rules",), ("files",) or ("none",)."""
    if option.choices:
        return ("choices", option.choices)
    if option.long in ("--flink-version",):
        return ("versions",)
    if option.long in ("--disable", "rule"):
        return ("rules",)
    if option.value in ("UINT", "INT", "NUMBER"):
        return ("none",)
    return ("files",)
