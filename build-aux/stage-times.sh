# Sourced by the build scripts: `stage NAME` starts timing a stage and ends the
# one before; `stage` alone ends the last. Each stage prints its time, and adds
# it to $ATLAS_STAGE_TIMES when that is set, so that .ci/run can sum them up.
_stage_name=""
_stage_start=0

stage() {
  local now
  now=$(date +%s%N)
  if [ -n "$_stage_name" ]; then
    local ms=$(((now - _stage_start) / 1000000))
    printf 'stage: %s took %d.%d s\n' "$_stage_name" $((ms / 1000)) $((ms % 1000 / 100))
    if [ -n "${ATLAS_STAGE_TIMES:-}" ]; then
      printf '%s\t%d\n' "$_stage_name" "$ms" >>"$ATLAS_STAGE_TIMES"
    fi
  fi
  _stage_name=${1:-}
  _stage_start=$now
}
