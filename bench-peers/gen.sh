#!/bin/sh
# Generates the peer models of seed 003 for N sessions (UEs):
#   gen.sh OUTDIR N [STEPS]
# writes, into OUTDIR,
#   smc-handover-roles-N-<rule>-<property>.pml     Promela, one process per role and session (Spin)
#   smc-handover-sessions-N-<rule>-<property>.pml  Promela, one process per session (Spin's POR applies)
#   smc-handover-N-STEPS.als                       Alloy 6, four check commands (both properties, both rules)
# for rule in {cex: rule7210=ignored, proof: rule7210=applied} (smcDuringRelocation=notStarted) and
# property in {contexts: contextsMatchAfterHandover, relocation: noRelocationDuringSmc}. STEPS is
# Alloy's trace bound in states (shall's BMC depth in moves + 1; default 10).
set -eu
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
out=$1; n=$2; steps=${3:-10}
mkdir -p "$out"
for variant in roles sessions; do
  for rule in cex proof; do
    case $rule in cex) r=0;; proof) r=1;; esac
    for prop in contexts relocation; do
      case $prop in contexts) p=1;; relocation) p=2;; esac
      sed -e "s/@N@/$n/" -e "s/@RULE@/$r/" -e "s/@MAYSTART@/0/" -e "s/@PROPERTY@/$p/" \
        "$here/smc-handover-$variant.pml.in" > "$out/smc-handover-$variant-$n-$rule-$prop.pml"
    done
  done
done
sed -e "s/@N@/$n/g" -e "s/@STEPS@/$steps/g" "$here/smc-handover.als.in" > "$out/smc-handover-$n-$steps.als"
