import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";

import type { DeliveryRoleStatus } from "../bindings/DeliveryRoleStatus";
import type { DraftReview } from "../bindings/DraftReview";
import type { IpcError } from "../bindings/IpcError";
import type { ProfileSummary } from "../bindings/ProfileSummary";
import type { TaskDraft } from "../bindings/TaskDraft";
import { checkDraft, CommandFailed, deliveryRole } from "../ipc";
import { queryKeys } from "./queryKeys";

/** How long typing may pause before the draft is checked again in Rust. */
export const CHECK_DELAY_MS = 150;

/** The public OSS endpoint of a region, which delivery needs (same region as the instance). */
export function ossEndpointFor(region: string): string {
  return `oss-${region}.aliyuncs.com`;
}

/** A fresh draft for a table, filled in with what the app already knows. */
export function newDraft(region: string, table: string, bucket: string | null, roleArn: string | null): TaskDraft {
  return {
    tableName: table,
    taskName: "",
    taskType: "BASE_INC",
    ossBucket: bucket ?? "",
    ossEndpoint: ossEndpointFor(region),
    ossPrefix: "",
    roleArn: roleArn ?? "",
    eventTime: null,
    schema: [],
  };
}

export interface TaskDraftState {
  /** `null` until a table is chosen. */
  draft: TaskDraft | null;
  update: (patch: Partial<TaskDraft>) => void;
  /** Puts a whole draft in place (a reopened one); the caller also picks its table. */
  replace: (draft: TaskDraft) => void;
  /** Rust's latest answer for the draft on screen; `null` before the first one. */
  review: DraftReview | null;
  reviewError: IpcError | null;
  /** A check is waiting or running for the latest change. */
  checking: boolean;
  role: DeliveryRoleStatus | null;
  roleError: IpcError | null;
  setRole: (role: DeliveryRoleStatus) => void;
}

interface Held {
  key: string;
  draft: TaskDraft;
}

const keyOf = (profile: ProfileSummary, table: string) => `${profile.name}/${profile.instanceName}/${table}`;

/**
 * The one task draft of the wizard, for the current profile and table. It lives in App, so
 * it survives moving between steps, a failed command and a failed create: nothing here resets
 * it except choosing another table or profile. Every change is checked in Rust after a short
 * pause; answers to older versions of the draft are ignored.
 */
export function useTaskDraft(profile: ProfileSummary | null, table: string | null, bucket: string | null): TaskDraftState {
  const [held, setHeld] = useState<Held | null>(null);
  const [checked, setChecked] = useState<{
    key: string;
    draft: TaskDraft;
    review: DraftReview | null;
    error: IpcError | null;
  } | null>(null);
  const sequence = useRef(0);
  const profileName = profile?.name ?? null;
  const queryClient = useQueryClient();

  // The delivery role of the profile's account, looked up once per profile (through the cache).
  const roleQuery = useQuery({
    queryKey: queryKeys.roleStatus(profileName ?? ""),
    queryFn: () =>
      deliveryRole(profileName ?? "").then((found) => {
        // The found ARN fills an empty field; one the user typed is never replaced.
        const arn = found.roleArn;
        if (arn !== null) {
          setHeld((before) => (before && before.draft.roleArn === "" ? { ...before, draft: { ...before.draft, roleArn: arn } } : before));
        }
        return found;
      }),
    enabled: profileName !== null,
    throwOnError: (error) => !(error instanceof CommandFailed),
  });
  const role = profileName === null ? null : (roleQuery.data ?? null);
  const roleError = profileName !== null && roleQuery.error instanceof CommandFailed ? roleQuery.error.error : null;

  // A new table or profile starts a new draft (state adjusted while rendering, as React
  // documents for values derived from a change).
  const key = profile && table ? keyOf(profile, table) : null;
  if (key !== null && profile && table && held?.key !== key) {
    setHeld({ key, draft: newDraft(profile.region, table, bucket, role?.roleArn ?? null) });
  }
  const draft = key !== null && held?.key === key ? held.draft : null;

  // Every version of the draft is checked after a pause; only the newest answer counts.
  useEffect(() => {
    if (profileName === null || draft === null || key === null) return;
    sequence.current += 1;
    const mine = sequence.current;
    const timer = setTimeout(() => {
      checkDraft(profileName, draft).then(
        (review) => {
          if (mine === sequence.current) setChecked({ key, draft, review, error: null });
        },
        (reason: unknown) => {
          if (mine !== sequence.current) return;
          if (reason instanceof CommandFailed) setChecked({ key, draft, review: null, error: reason.error });
          else throw reason;
        },
      );
    }, CHECK_DELAY_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [profileName, draft, key]);

  const update = useCallback((patch: Partial<TaskDraft>) => {
    setHeld((before) => (before ? { ...before, draft: { ...before.draft, ...patch } } : before));
  }, []);

  const replace = useCallback(
    (next: TaskDraft) => {
      if (profile) setHeld({ key: keyOf(profile, next.tableName), draft: next });
    },
    [profile],
  );

  const setRole = useCallback(
    (next: DeliveryRoleStatus) => {
      if (profileName !== null) queryClient.setQueryData(queryKeys.roleStatus(profileName), next);
    },
    [profileName, queryClient],
  );

  // The last answer stays on screen while a newer check runs (no flicker), but only for the
  // same profile and table: another table's findings would be wrong.
  const sameTable = checked !== null && checked.key === key;
  return {
    draft,
    update,
    replace,
    review: sameTable ? checked.review : null,
    reviewError: sameTable ? checked.error : null,
    checking: draft !== null && checked?.draft !== draft,
    role,
    roleError,
    setRole,
  };
}
