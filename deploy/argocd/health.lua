-- Argo CD health of every kaizen.dev kind (one script: all kinds share the Ready / Reconciling / Stalled
-- conditions). Runs in Argo CD's Lua 5.1 interpreter with the resource in `obj`; tested under lua5.1 by
-- ArgoCdHealthTest against status fixtures.
local hs = { status = "Progressing", message = "Waiting for the operator to reconcile" }

local function condition(conditions, type)
  if conditions == nil then
    return nil
  end
  for _, c in ipairs(conditions) do
    if c.type == type then
      return c
    end
  end
  return nil
end

local function text(c, fallback)
  if c ~= nil and c.message ~= nil and c.message ~= "" then
    return c.message
  end
  return fallback
end

if obj.status == nil or obj.status.conditions == nil then
  return hs
end

local generation = obj.metadata and obj.metadata.generation
local observed = obj.status.observedGeneration
if generation ~= nil and (observed == nil or observed < generation) then
  hs.message = "The operator has not yet seen generation " .. tostring(generation)
  return hs
end

local ready = condition(obj.status.conditions, "Ready")
local reconciling = condition(obj.status.conditions, "Reconciling")
local stalled = condition(obj.status.conditions, "Stalled")

if stalled ~= nil and stalled.status == "True" then
  hs.status = "Degraded"
  hs.message = (stalled.reason or "Stalled") .. ": " .. text(stalled, "needs attention")
  return hs
end
if reconciling ~= nil and reconciling.status == "True" then
  hs.status = "Progressing"
  hs.message = (reconciling.reason or "Reconciling") .. ": " .. text(reconciling, "in progress")
  return hs
end
-- CronJobSet: in sync, but a job has not succeeded within two periods.
local jobs = condition(obj.status.conditions, "JobsHealthy")
if ready ~= nil and ready.status == "True" and jobs ~= nil and jobs.status == "False" then
  hs.status = "Degraded"
  hs.message = (jobs.reason or "JobsNotSucceeding") .. ": " .. text(jobs, "a job is not succeeding")
  return hs
end
if ready ~= nil and ready.status == "True" then
  hs.status = "Healthy"
  hs.message = text(ready, "Ready")
  return hs
end
if ready ~= nil and ready.reason == "PlanPending" then
  hs.status = "Suspended"
  hs.message = "PlanPending: " .. text(ready, "mode: Plan; changes are not applied")
  return hs
end
if ready ~= nil and ready.status == "False" then
  hs.status = "Degraded"
  hs.message = (ready.reason or "NotReady") .. ": " .. text(ready, "not ready")
  return hs
end
return hs
