import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

import type { IpcError } from "../bindings/IpcError";
import type { Locale } from "../bindings/Locale";
import type { ProfileSummary } from "../bindings/ProfileSummary";
import type { SchemaSample } from "../bindings/SchemaSample";
import type { TaskDraft } from "../bindings/TaskDraft";
import { ErrorNotice } from "../components/ErrorNotice";
import { AboutDialog } from "../features/about/AboutDialog";
import { AddProfile } from "../features/profiles/AddProfile";
import { DeleteProfileDialog } from "../features/profiles/DeleteProfileDialog";
import { EditProfile } from "../features/profiles/EditProfile";
import { ImportDialog } from "../features/profiles/ImportDialog";
import { ProfileSwitcher } from "../features/profiles/ProfileSwitcher";
import { ProfilesPage } from "../features/profiles/ProfilesPage";
import { LanguagePicker } from "../features/settings/LanguagePicker";
import { FirstStart } from "../features/start/FirstStart";
import { TasksPage } from "../features/tasks/TasksPage";
import { Workspace } from "../features/workspace/Workspace";
import { i18next, systemLocale } from "../i18n";
import { appInfo, CommandFailed, setLocale, startSandbox, updateProfile } from "../ipc";
import { blockingByStep } from "./issueSteps";
import { rememberedProfile, rememberProfile } from "./lastProfile";
import { Stepper } from "./Stepper";
import type { Step } from "./Stepper";
import { queryKeys } from "./queryKeys";
import { useLoad } from "./useLoad";
import { useProfiles } from "./useProfiles";
import { useTableSource } from "./useTableSource";
import { useTaskDraft } from "./useTaskDraft";
import { useTypeRules } from "./useTypeRules";
import { WizardStep } from "./WizardStep";
import "./delivery.css";
import type { WizardView } from "./WizardStep";

type View =
  | { kind: "start" }
  | { kind: "profiles" }
  | { kind: "add"; attempt: number }
  | { kind: "edit"; profile: ProfileSummary }
  | { kind: "workspace" }
  | { kind: "tasks"; table: string | null; task: string | null }
  | { kind: WizardView };

const WIZARD_VIEWS: ReadonlySet<string> = new Set(["schema", "mapper", "settings", "review", "drafts"]);
const isWizardView = (kind: string): kind is WizardView => WIZARD_VIEWS.has(kind);

const hasStored = (profiles: readonly ProfileSummary[]) => profiles.some((p) => p.kind === "stored");

/** The remembered profile if it can be used right away; otherwise the list shows what is wrong. */
function reopenable(profiles: readonly ProfileSummary[], name: string | null): ProfileSummary | undefined {
  return profiles.find((p) => p.name === name && p.status === "ready");
}

export function App() {
  const { t } = useTranslation();
  // Each "Add profile" starts a fresh form, even when one is already on screen.
  const [addAttempt, setAddAttempt] = useState(0);
  const [state, retry] = useLoad(queryKeys.appInfo, appInfo);
  const profiles = useProfiles();
  const [currentName, setCurrentName] = useState<string | null>(null);
  // The source table and destination bucket picked in the workspace, per profile and instance.
  const [source, setSource] = useState<{ key: string; table: string } | null>(null);
  const [destination, setDestination] = useState<{ key: string; bucket: string } | null>(null);
  const [view, setView] = useState<View | null>(null);
  const [importing, setImporting] = useState(false);
  const [aboutOpen, setAboutOpen] = useState(false);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<IpcError | null>(null);

  const list = profiles.list;
  const current = list?.find((p) => p.name === currentName) ?? null;

  // The first answer decides where the app opens: the last profile, the list, or first start.
  // (State adjusted while rendering, as React documents for values derived from a change.)
  if (view === null && list !== null) {
    const last = reopenable(list, rememberedProfile());
    if (last) {
      setCurrentName(last.name);
      setView({ kind: "workspace" });
    } else {
      setView({ kind: hasStored(list) ? "profiles" : "start" });
    }
  }

  const openProfile = (profile: ProfileSummary) => {
    setCurrentName(profile.name);
    rememberProfile(profile.name);
    setView({ kind: "workspace" });
  };

  const chooseLocale = (locale: Locale | null) => {
    void i18next.changeLanguage(locale ?? systemLocale());
    setLocale(locale).then(retry, (reason: unknown) => {
      if (!(reason instanceof CommandFailed)) throw reason;
      console.error(reason.error.code, reason.error.message);
    });
  };

  const trySandbox = () => {
    setStarting(true);
    setStartError(null);
    startSandbox()
      .then(() => profiles.reload())
      .then((all) => {
        const sandbox = all.find((p) => p.kind === "sandbox");
        // A sandbox started anew serves its seed again: nothing read from an earlier one holds.
        if (sandbox) {
          profiles.forget(sandbox.name);
          openProfile(sandbox);
        }
        retry();
      })
      .catch((reason: unknown) => {
        if (reason instanceof CommandFailed) setStartError(reason.error);
        else throw reason;
      })
      .finally(() => {
        setStarting(false);
      });
  };

  const switchTo = (profile: ProfileSummary) => {
    if (profile.kind === "sandbox" && profile.status === "sandbox_stopped") trySandbox();
    else openProfile(profile);
  };

  // A stored profile moves to the chosen instance; the workspace reloads for it.
  const changeInstance = (instanceName: string) => {
    if (!current || current.kind !== "stored") return;
    setStartError(null);
    updateProfile(current.name, {
      renameTo: null,
      accessKeyId: null,
      accessKeySecret: null,
      securityToken: null,
      removeSecurityToken: false,
      region: null,
      instanceName,
      endpoints: null,
    })
      .then(() => {
        profiles.forget(current.name);
        return profiles.reload();
      })
      .catch((reason: unknown) => {
        if (reason instanceof CommandFailed) setStartError(reason.error);
        else throw reason;
      });
  };

  const startAdding = () => {
    setAddAttempt((n) => n + 1);
    setView({ kind: "add", attempt: addAttempt + 1 });
  };

  const goToProfiles = () => {
    setView({ kind: list && hasStored(list) ? "profiles" : "start" });
  };

  const afterDelete = (name: string) => {
    setDeleting(null);
    profiles.forget(name);
    if (name === currentName) {
      setCurrentName(null);
      rememberProfile(null);
    }
    void profiles.reload().then((all) => {
      setView({ kind: hasStored(all) ? "profiles" : "start" });
    });
  };

  const sourceKey = current ? `${current.name}/${current.instanceName}` : "";
  const sourceTable = source?.key === sourceKey ? source.table : null;
  const bucket = destination?.key === sourceKey ? destination.bucket : null;
  const tableSource = useTableSource(current?.name ?? null, sourceTable);
  const wizard = useTaskDraft(current, sourceTable, bucket);
  const [rules, reloadRules] = useTypeRules(sourceTable !== null);
  const step: Step =
    view?.kind === "workspace"
      ? "pick"
      : view?.kind === "tasks"
        ? "tasks"
        : view && isWizardView(view.kind)
          ? view.kind
          : "profile";

  // A reopened draft, or one made from a task's drift report (with the fresh sample that found
  // the new columns, so the mapper offers them): its table, then the mapper.
  const openInMapper = (draft: TaskDraft, sample?: SchemaSample) => {
    setSource({ key: sourceKey, table: draft.tableName });
    if (sample) tableSource.setSample(sample, draft.tableName);
    wizard.replace(draft);
    setView({ kind: "mapper" });
  };

  // A new screen opens at its top, whatever the previous one was scrolled to (the window
  // scrolls, not the content area). Each navigation sets a new view object.
  useEffect(() => {
    document.documentElement.scrollTop = 0;
  }, [view]);

  const goTo = (target: Step) => {
    if (target === "profile") goToProfiles();
    else if (!current) return;
    else if (target === "pick") setView({ kind: "workspace" });
    else if (target === "tasks") setView({ kind: "tasks", table: sourceTable, task: null });
    else if (target === "drafts") setView({ kind: "drafts" });
    else if (sourceTable) setView({ kind: target });
  };

  return (
    <div className="app-frame">
      <header className="app-header">
        <img src="/favicon.png" alt="" width={24} height={24} />
        <span className="app-name">{t("app.name")}</span>
        {list !== null && (
          <ProfileSwitcher
            profiles={list}
            current={current}
            onSwitch={switchTo}
            onAdd={() => {
              startAdding();
            }}
            onImport={() => {
              setImporting(true);
            }}
            onManage={goToProfiles}
          />
        )}
        {state.status === "ready" && <LanguagePicker value={state.value.locale} onChange={chooseLocale} />}
      </header>
      <div className="app-body">
        <Stepper
          current={step}
          hasProfile={current !== null}
          hasTable={sourceTable !== null}
          blocking={blockingByStep(wizard.review?.issues ?? [])}
          onGo={goTo}
        />
        <div className="app-content">
          {(state.status === "loading" || view === null) && state.status !== "failed" && (
            <p className="loading">{t("app.loading")}</p>
          )}
          {state.status === "failed" && <ErrorNotice error={state.error} onRetry={retry} />}
          {profiles.error && (
            <ErrorNotice
              error={profiles.error}
              onRetry={() => {
                void profiles.reload();
              }}
            />
          )}
          {startError && <ErrorNotice error={startError} />}
          {state.status === "ready" && view?.kind === "start" && (
            <FirstStart
              info={state.value}
              onTrySandbox={trySandbox}
              sandboxStarting={starting}
              onAddProfile={() => {
                startAdding();
              }}
              onImport={() => {
                setImporting(true);
              }}
            />
          )}
          {view?.kind === "profiles" && list && (
            <ProfilesPage
              profiles={list}
              current={currentName}
              onUse={switchTo}
              onAdd={() => {
                startAdding();
              }}
              onImport={() => {
                setImporting(true);
              }}
              onEdit={(profile) => {
                setView({ kind: "edit", profile });
              }}
              onDelete={(profile) => {
                setDeleting(profile.name);
              }}
            />
          )}
          {view?.kind === "add" && (
            <AddProfile
              key={view.attempt}
              onCreated={(profile) => {
                void profiles.reload();
                setCurrentName(profile.name);
                rememberProfile(profile.name);
              }}
              onContinue={openProfile}
              onCancel={goToProfiles}
            />
          )}
          {view?.kind === "edit" && (
            <EditProfile
              key={view.profile.name}
              profile={view.profile}
              onCancel={goToProfiles}
              onSaved={(before, after) => {
                profiles.forget(before.name);
                if (before.name === currentName) {
                  setCurrentName(after.name);
                  rememberProfile(after.name);
                }
                void profiles.reload().then(() => {
                  setView({ kind: "profiles" });
                });
              }}
            />
          )}
          {view?.kind === "tasks" && current && (
            <TasksPage
              key={`${current.name}/${view.table ?? ""}/${view.task ?? ""}`}
              profile={current.name}
              initialTable={view.table}
              openTask={view.task}
              region={current.region}
              onOpenWizard={(table) => {
                setSource({ key: sourceKey, table });
                setView({ kind: "workspace" });
              }}
              onDraftFromTask={openInMapper}
            />
          )}
          {view && isWizardView(view.kind) && current && (
            <WizardStep
              view={view.kind}
              profile={current.name}
              table={sourceTable}
              source={tableSource}
              wizard={wizard}
              rules={rules}
              onRetryRules={reloadRules}
              onGo={goTo}
              onReopen={openInMapper}
              onCreated={(task) => {
                setView({ kind: "tasks", table: task.tableName, task: task.taskName });
              }}
            />
          )}
          {view?.kind === "workspace" && current && (
            <Workspace
              key={`${current.name}/${current.instanceName}`}
              profile={current.name}
              region={current.region}
              instance={current.instanceName}
              isSandbox={current.kind === "sandbox"}
              onChangeInstance={changeInstance}
              initialTable={sourceTable}
              onTableChosen={(table) => {
                setSource({ key: sourceKey, table });
              }}
              bucket={bucket}
              onBucketChosen={(chosen) => {
                setDestination({ key: sourceKey, bucket: chosen });
                wizard.update({ ossBucket: chosen });
              }}
            />
          )}
        </div>
      </div>
      {importing && (
        <ImportDialog
          onClose={() => {
            setImporting(false);
          }}
          onImported={(profile) => {
            setImporting(false);
            void profiles.reload().then(() => {
              openProfile(profile);
            });
          }}
        />
      )}
      {deleting && (
        <DeleteProfileDialog
          name={deleting}
          onDeleted={afterDelete}
          onClose={() => {
            setDeleting(null);
          }}
        />
      )}
      {state.status === "ready" && (
        <footer className="app-footer">
          <span id="app-version">{t("status.version", { version: state.value.version })}</span>
          <span id="data-dir">{t("status.dataDir", { path: state.value.dataDir })}</span>
          <button
            type="button"
            id="open-about"
            className="link-button"
            onClick={() => {
              setAboutOpen(true);
            }}
          >
            {t("about.open")}
          </button>
        </footer>
      )}
      {aboutOpen && state.status === "ready" && (
        <AboutDialog
          version={state.value.version}
          onClose={() => {
            setAboutOpen(false);
          }}
        />
      )}
    </div>
  );
}
