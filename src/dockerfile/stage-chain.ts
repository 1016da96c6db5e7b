// Which stages make the final image's layers, and whether the build is multi-stage in any useful sense.

import type { DockerfileModel, DockerfileStage } from './types.js';

/** The stages whose instructions make layers of the final image, base first: target, its FROM-stage, that stage's FROM-stage, … */
export function finalStageChain(model: DockerfileModel): DockerfileStage[] {
  const chain: DockerfileStage[] = [];
  const seen = new Set<number>();
  let stage: DockerfileStage | undefined = model.stages[model.target];
  while (stage && !seen.has(stage.index)) {
    seen.add(stage.index);
    chain.push(stage);
    stage = stage.fromStage === null ? undefined : model.stages[stage.fromStage];
  }
  return chain.reverse();
}

/** True when the producing stage is the only stage or takes nothing from any other stage (FROM a stage counts as taking). */
export function isEffectivelySingleStage(model: DockerfileModel): boolean {
  const target = model.stages[model.target];
  return model.stages.length === 1 || (target !== undefined && target.usesStages.length === 0);
}
