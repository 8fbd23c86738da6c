/** Step 1: the data range, column roles and group labels. */
import * as React from "react";
import { Badge, Button, Field, Input, MessageBar, MessageBarBody, Radio, RadioGroup, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { TableSearch20Regular } from "@fluentui/react-icons";
import type { ComparisonInput, ComparisonSettings, DataInspection } from "../../core/analysis";
import type { SourceList } from "../../excel/comparisonStore";
import { parseRange } from "../../core/report/address";
import { useStrings } from "../i18n";
import { comparisonStrings, type ComparisonStrings } from "./strings";
import { isBuiltInGroupLabel, roleOf, setArm, setBaselineType, setLayout, setMonth, setRole, type ColumnsIssue, type RoleName } from "./model";
import { redactCpr } from "../../core/data/cpr";
import { TrialSource, type TrialSourceProps } from "./TrialSource";

const useStyles = makeStyles({
  row: { display: "flex", gap: "8px", alignItems: "flex-end", flexWrap: "wrap" },
  grow: { flexGrow: 1, minWidth: "160px" },
  // In a narrow pane (Excel's default ~320 px) each column's name gets its own line above its role and detail.
  grid: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) 11.5em 7em",
    gap: "4px 6px",
    alignItems: "center",
    "@media (max-width: 420px)": { gridTemplateColumns: "minmax(0, 1fr) minmax(0, 7em)" },
  },
  narrowName: { "@media (max-width: 420px)": { gridColumn: "1 / -1", marginTop: "4px" } },
  narrowHide: { "@media (max-width: 420px)": { display: "none" } },
  groupGrid: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) 3.5em 10.5em", gap: "4px 6px", alignItems: "center" },
  head: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  name: { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  unmapped: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  section: { display: "flex", flexDirection: "column", gap: "8px" },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface DataStepProps {
  input: ComparisonInput | null;
  settings: ComparisonSettings | null;
  info: DataInspection | null;
  issues: ColumnsIssue[];
  sources: SourceList;
  busy: boolean;
  empty: boolean;
  onChooseSource: (how: { kind: "selection" } | { kind: "sheet"; name: string } | { kind: "table"; name: string }) => void;
  /** Lists the workbook's sheets and tables again (a sheet added while the pane is open is offered at once). */
  onRefreshSources?: () => void;
  onUpdate: (fn: (s: ComparisonSettings) => ComparisonSettings) => void;
  /** Offered when the workbook has a "Randomisering" sheet (or the settings already take the groups from it). */
  trial?: Pick<TrialSourceProps, "join" | "onToggle">;
}

const ISSUE_TEXT: Record<ColumnsIssue, { da: string; en: string }> = {
  noId: { da: "Vælg den kolonne, der har borgerens ID.", en: "Choose the column with the citizen's ID." },
  noGroup: { da: "Vælg den kolonne, der angiver indsatsgruppe eller kontrolgruppe.", en: "Choose the column that gives the intervention or control group." },
  noTimepoints: { da: "Vælg mindst én statuskolonne (status ved et tidspunkt).", en: "Choose at least one status column (status at a time point)." },
  noTime: { da: "Vælg kolonnen med tidspunktet (måneder efter inklusion).", en: "Choose the column with the time point (months after inclusion)." },
  noStatus: { da: "Vælg kolonnen med status.", en: "Choose the status column." },
  duplicateMonth: { da: "To statuskolonner har samme måned. Hvert tidspunkt må kun have én kolonne.", en: "Two status columns have the same month. Each time point may have only one column." },
  badMonth: { da: "En måned skal være et helt tal fra 0 og opefter.", en: "A month must be a whole number from 0 upwards." },
};

function roleOptions(layout: "wide" | "long", s: ComparisonStrings): { value: RoleName; label: string }[] {
  const common: { value: RoleName; label: string }[] = [
    { value: "ignore", label: s.roleIgnore },
    { value: "id", label: s.roleId },
    { value: "group", label: s.roleGroup },
    { value: "baseline", label: s.roleBaseline },
  ];
  return layout === "wide"
    ? [...common, { value: "timepoint", label: s.roleStatus }]
    : [...common, { value: "time", label: s.roleTime }, { value: "status", label: s.roleLongStatus }];
}

/** A baseline column may be continuous (mean, median, cut points) only when its values are numbers; unknown without an inspection. */
export function canBeContinuous(info: DataInspection | null, column: number): boolean {
  const profile = info?.suggestion.columns[column];
  return !profile || profile.kind === "number";
}

export function DataStep(props: DataStepProps): React.JSX.Element {
  const s = useStrings(comparisonStrings);
  const lang = s === comparisonStrings.da ? "da" : "en";
  const styles = useStyles();
  const { input, settings, info, sources } = props;

  // The picker shows the current source (it used to snap back to "Vælg ark eller tabel"): the table
  // picked last while the data still come from its sheet, else the data's sheet.
  const [picked, setPicked] = React.useState("");
  const current = !input
    ? ""
    : picked.startsWith("table:") && sources.tables.some((t) => `table:${t.name}` === picked && t.sheet === input.sheet)
      ? picked
      : sources.sheets.includes(input.sheet)
        ? `sheet:${input.sheet}`
        : "";
  const onPick = (value: string): void => {
    setPicked(value);
    if (value.startsWith("sheet:")) props.onChooseSource({ kind: "sheet", name: value.slice(6) });
    else if (value.startsWith("table:")) props.onChooseSource({ kind: "table", name: value.slice(6) });
  };

  const headerNames = input ? input.header.map((h, i) => (h === null || h === "" ? `(${i + 1})` : String(h))) : [];
  const layout = settings?.source.layout ?? "wide";

  return (
    <div className={styles.section}>
      <div className={styles.row}>
        <Field label={s.sourcePick} className={styles.grow}>
          <Select value={current} onChange={(_, d) => onPick(d.value)} onFocus={() => props.onRefreshSources?.()} onMouseDown={() => props.onRefreshSources?.()} disabled={props.busy} data-testid="source-pick">
            <option value="">{s.sourcePickPlaceholder}</option>
            {sources.sheets.map((n) => (
              <option key={`s-${n}`} value={`sheet:${n}`}>
                {s.sheetOption(n)}
              </option>
            ))}
            {sources.tables.map((t) => (
              <option key={`t-${t.name}`} value={`table:${t.name}`}>
                {s.tableOption(t.name, t.sheet)}
              </option>
            ))}
          </Select>
        </Field>
        <Button icon={<TableSearch20Regular />} onClick={() => props.onChooseSource({ kind: "selection" })} disabled={props.busy}>
          {s.useSelection}
        </Button>
      </div>

      {props.empty || !input ? (
        <Text className={styles.muted} data-testid="no-data">
          {s.noData}
        </Text>
      ) : null}
      {!input || !settings ? null : (
        <>
          <Text data-testid="source-range">
            {s.rangeInfo(`${input.sheet}!${input.address}`, info?.rowCount ?? input.rows.length)}
          </Text>
          <Text size={200} className={styles.muted}>
            {s.headerRow(parseRange(input.address).row + 1)}
          </Text>

          <Field label={s.layout}>
            <RadioGroup
              value={layout}
              onChange={(_, d) =>
                props.onUpdate((x) => ({ ...x, source: { ...x.source, layout: d.value as "wide" | "long" }, columns: setLayout(x.columns, d.value as "wide" | "long", info?.suggestion) }))
              }
            >
              <Radio value="wide" label={s.layoutWide} />
              <Radio value="long" label={s.layoutLong} />
            </RadioGroup>
          </Field>

          <Text weight="semibold">{s.roles}</Text>
          <div className={styles.grid} data-testid="roles">
            <span className={`${styles.head} ${styles.narrowHide}`}>{s.column}</span>
            <span className={`${styles.head} ${styles.narrowHide}`}>{s.role}</span>
            <span className={`${styles.head} ${styles.narrowHide}`}>{s.detail}</span>
            {headerNames.map((name, i) => {
              const role = roleOf(settings.columns, layout, i);
              return (
                <React.Fragment key={i}>
                  <span className={`${styles.name} ${styles.narrowName}`} title={name}>
                    {name}
                  </span>
                  <Select
                    size="small"
                    aria-label={`${s.role}: ${name}`}
                    value={role.role}
                    onChange={(_, d) => props.onUpdate((x) => ({ ...x, columns: setRole(x.columns, i, d.value as RoleName, name, info?.suggestion) }))}
                  >
                    {roleOptions(layout, s).map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </Select>
                  {role.role === "baseline" ? (
                    <Select
                      size="small"
                      aria-label={`${s.detail}: ${name}`}
                      value={role.type}
                      data-testid={`baseline-type-${i}`}
                      onChange={(_, d) => props.onUpdate((x) => ({ ...x, columns: setBaselineType(x.columns, i, d.value as "categorical" | "continuous") }))}
                    >
                      <option value="categorical">{s.typeCategorical}</option>
                      {/* continuous (and so cut points) only for a column of numbers: not for Køn */}
                      {canBeContinuous(info, i) || role.type === "continuous" ? <option value="continuous">{s.typeContinuous}</option> : null}
                    </Select>
                  ) : role.role === "timepoint" ? (
                    <MonthInput
                      label={`${s.month}: ${name}`}
                      month={role.month}
                      unit={lang === "da" ? "mdr." : "mo."}
                      onChange={(m) => props.onUpdate((x) => ({ ...x, columns: setMonth(x.columns, i, m) }))}
                    />
                  ) : (
                    <span />
                  )}
                </React.Fragment>
              );
            })}
          </div>
          {props.issues.length > 0 ? (
            <MessageBar intent="warning" layout="multiline" data-testid="column-issues">
              <MessageBarBody>
                {props.issues.map((i) => (
                  <div key={i}>{ISSUE_TEXT[i][lang]}</div>
                ))}
              </MessageBarBody>
            </MessageBar>
          ) : null}

          {props.trial ? <TrialSource settings={settings} join={props.trial.join} busy={props.busy} onToggle={props.trial.onToggle} onUpdate={props.onUpdate} /> : null}
          {info && !settings.randomisation ? <GroupMapping info={info} settings={settings} onUpdate={props.onUpdate} /> : null}
        </>
      )}
    </div>
  );
}

/** Month of a time point; the text may be empty or half-typed while editing, the settings get whole numbers only. */
function MonthInput(props: { label: string; month: number; unit: string; onChange: (month: number) => void }): React.JSX.Element {
  const styles = useStyles();
  const [draft, setDraft] = React.useState<string | null>(null);
  return (
    <Input
      size="small"
      type="number"
      min={0}
      step={1}
      aria-label={props.label}
      value={draft ?? String(props.month)}
      contentAfter={<span className={styles.muted}>{props.unit}</span>}
      onChange={(_, d) => {
        setDraft(d.value);
        if (/^\d{1,3}$/.test(d.value.trim())) props.onChange(Number(d.value));
      }}
      onBlur={() => setDraft(null)}
    />
  );
}

function GroupMapping(props: { info: DataInspection; settings: ComparisonSettings; onUpdate: DataStepProps["onUpdate"] }): React.JSX.Element {
  const s = useStrings(comparisonStrings);
  const styles = useStyles();
  const labels = props.info.groupLabels;
  const unmapped = labels.filter((g) => g.arm === null);
  return (
    <div className={styles.section} data-testid="groups">
      <Text weight="semibold">{s.groups}</Text>
      <Text size={200} className={styles.muted}>
        {s.groupsHelp}
      </Text>
      <div className={styles.groupGrid}>
        {labels.map((g) => (
          <React.Fragment key={g.key}>
            <span className={g.arm === null ? styles.unmapped : styles.name} title={redactCpr(g.label)}>
              {redactCpr(g.label)}
            </span>
            <Badge appearance="tint" color={g.arm === null ? "danger" : "informative"} aria-label={s.count(g.count)}>
              {g.count}
            </Badge>
            <Select
              size="small"
              aria-label={`${s.roleGroup}: ${g.label}`}
              value={g.arm ?? "none"}
              onChange={(_, d) => props.onUpdate((x) => ({ ...x, groupMap: setArm(x.groupMap, g.label, d.value === "none" ? null : (d.value as "intervention" | "control")) }))}
            >
              <option value="intervention">{s.groupIntervention}</option>
              <option value="control">{s.groupControl}</option>
              {g.arm === null || !isBuiltInGroupLabel(g.label) ? <option value="none">{s.groupUnmapped}</option> : null}
            </Select>
          </React.Fragment>
        ))}
      </div>
      {unmapped.length > 0 ? (
        <MessageBar intent="warning" data-testid="unmapped-groups">
          <MessageBarBody>
            {s.unmappedWarning(unmapped.length)} {unmapped.map((g) => `\u201c${redactCpr(g.label)}\u201d (${g.count})`).join(", ")}
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}
