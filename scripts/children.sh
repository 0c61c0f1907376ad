# Sourced by the scripts that start several programs (serve-demo.sh, serve-prod.sh): prefix each program with
# "${with_parent[@]}" so that it dies with the script, even when the script is killed with SIGKILL and its trap never
# runs: the kernel sends the program SIGTERM when its parent (the script's shell) dies (setpriv --pdeathsig,
# util-linux; where it is absent, the script's trap alone stops them).
with_parent=()
if command -v setpriv >/dev/null && setpriv --pdeathsig TERM true 2>/dev/null; then
  with_parent=(setpriv --pdeathsig TERM)
fi
