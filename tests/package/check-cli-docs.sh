#!/usr/bin/env bash
# The man page and the bash completion know every option, command and exit status the program has.
#   check-cli-docs.sh ARCHY_RECOVERY_BINARY SOURCE_DIR
set -euo pipefail
bin=$1
src=$2
man=$src/docs/archy-recovery.1
completion=$src/resources/bash-completion/archy-recovery
failures=0
fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}

# Long options as --help-all prints them ("  -h, --help", "  --data-dir <dir>").
# (timeout: should --help ever fall through to running an agent, the test fails instead of hanging)
mapfile -t options < <(timeout 20 "$bin" --help-all --data-dir /nonexistent/archy-cli-docs | grep -oE '^ +(-[a-zA-Z], )?--[a-z][a-z-]*' | grep -oE -- '--[a-z-]+' | grep -vE -- '^--(help-all|help|version)$' | sort -u)
[ "${#options[@]}" -ge 25 ] || fail "only ${#options[@]} options found in --help-all"
for option in "${options[@]}"; do
    grep -qF -- "${option//-/\\-}" "$man" || fail "man page does not document $option"
    grep -qE -- "(^|[ '])${option}([ '|)]|$)" "$completion" || fail "completion does not offer $option"
done
for command in status retry history; do
    grep -qE "^\.B(I)? ${command}" "$man" || fail "man page does not document the command $command"
done
# Exit statuses: every value of archy::ExitCode.
mapfile -t codes < <(grep -oE 'Exit[A-Za-z]+ = [0-9]+' "$src/app/CommandLine.h" | grep -oE '[0-9]+$')
[ "${#codes[@]}" -ge 5 ] || fail "exit codes not found in CommandLine.h"
status_section=$(sed -n '/^\.SH EXIT STATUS/,/^\.SH /p' "$man")
for code in "${codes[@]}"; do
    grep -qx ".B $code" <<<"$status_section" || fail "man page does not document exit status $code"
done
grep -q '/etc/archy\\-recovery.conf' "$man" || fail "man page does not document the config file"
# The page renders without a warning.
warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$man" 2>&1 >/dev/null || true)
[ -z "$warnings" ] || fail "man reports: $warnings"

# Completion, as bash runs it for `archy-recovery <TAB>`.
complete_words() {
    bash -c '
        source /usr/share/bash-completion/bash_completion
        source "$1"; shift
        COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
        COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
        _archy_recovery archy-recovery "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
        printf "%s\n" "${COMPREPLY[@]}" | sort' _ "$completion" "$@"
}
got=$(complete_words archy-recovery '')
[ "$got" = $'history\nretry\nstatus' ] || fail "archy-recovery <TAB> gives: $got"
got=$(complete_words archy-recovery st)
[ "$got" = status ] || fail "archy-recovery st<TAB> gives: $got"
got=$(complete_words archy-recovery --notify)
[ "$got" = $'--notify-command\n--notify-url' ] || fail "--notify<TAB> gives: $got"
got=$(complete_words archy-recovery status '')
[ -z "$got" ] || fail "archy-recovery status <TAB> offers another command: $got"
got=$(complete_words archy-recovery --lang '')
[ "$got" = $'de\nen\nes' ] || fail "--lang <TAB> gives: $got"

[ "$failures" -eq 0 ] || exit 1
echo "man page and completion cover ${#options[@]} options, 3 commands, ${#codes[@]} exit statuses"
