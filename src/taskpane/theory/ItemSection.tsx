/**
 * One list of the programme theory (slutmål, delmål, aktiviteter or virksomme mekanismer): add,
 * remove, reorder and edit items, and link them to other items with checkboxes. All changes go
 * through core's editing helpers; this file only decides what to show.
 */
import * as React from "react";
import {
  Badge,
  Button,
  Checkbox,
  Field,
  Input,
  Select,
  Textarea,
  Tooltip,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { AddRegular, ArrowDownRegular, ArrowUpRegular, DeleteRegular } from "@fluentui/react-icons";
import {
  CATALOGUE_GROUPS,
  MECHANISM_CATEGORIES,
  addFromCatalogue,
  addItem,
  catalogueFor,
  findLink,
  itemsOf,
  moveItem,
  nextId,
  removeItem,
  setActivityMechanism,
  setLink,
  setLinkMechanism,
  updateItem,
  updateLink,
  wouldCreateCycle,
  type Indicator,
  type Item,
  type ItemKind,
  type Link,
  type LinkKind,
  type MechanismCategory,
  type Origin,
  type ProgrammeTheory,
  type ValidationIssue,
} from "../../core/theory";
import { useLang, useStrings, useText } from "../i18n";
import { THEORY_STRINGS, type TheoryStrings } from "./strings";
import { IndicatorEditor } from "./IndicatorEditor";
import { cellLimit } from "../components/cellLimit";

/** How the pane records an edit: `key` merges keystrokes in one field into one undo step; `announce` is said (and offers "Fortryd"); `focus` moves the focus after rendering. */
export interface UpdateOptions {
  key?: string;
  announce?: string;
  focus?: { elementId: string; focusId?: string };
}
export type TheoryUpdate = (change: (theory: ProgrammeTheory) => ProgrammeTheory, opts?: UpdateOptions) => void;

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: "8px" },
  addRow: { display: "flex", flexDirection: "column", gap: "8px", alignItems: "flex-start" },
  list: { display: "flex", flexDirection: "column", gap: "8px", margin: 0, padding: 0, listStyleType: "none" },
  card: {
    display: "flex",
    flexDirection: "column",
    gap: "6px",
    padding: "8px",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  cardError: { borderLeft: `4px solid ${tokens.colorPaletteRedBorder2}` },
  cardWarning: { borderLeft: `4px solid ${tokens.colorPaletteYellowBorder2}` },
  head: { display: "flex", alignItems: "center", gap: "4px" },
  id: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2, marginRight: "auto" },
  links: { display: "flex", flexDirection: "column", gap: "0px" },
  linkRow: { display: "flex", flexDirection: "column" },
  rationale: { marginLeft: "28px", marginBottom: "4px" },
  muted: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  issues: { margin: 0, paddingLeft: "18px", fontSize: tokens.fontSizeBase200 },
  issueError: { color: tokens.colorPaletteRedForeground1 },
  issueWarning: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

const ORIGIN_COLOR: Record<Origin, "informative" | "brand" | "subtle"> = { kilde: "informative", forslag: "brand", bruger: "subtle" };

/** DOM ids used to jump to an item from the validation list. */
export const itemAnchorId = (id: string): string => `theory-item-${id}`;
export const itemNameInputId = (id: string): string => `theory-name-${id}`;
export const indicatorNameInputId = (id: string): string => `theory-indicator-name-${id}`;
export const addButtonId = (kind: ItemKind): string => `theory-add-${kind}`;

export function OriginBadge(props: { origin: Origin }): React.JSX.Element {
  const s = useStrings(THEORY_STRINGS);
  return (
    <Tooltip content={s.originHint[props.origin]} relationship="description">
      <Badge size="small" appearance={props.origin === "bruger" ? "outline" : "tint"} color={ORIGIN_COLOR[props.origin]} data-origin={props.origin}>
        {s.origin[props.origin]}
      </Badge>
    </Tooltip>
  );
}

function shortLabel(item: Item): string {
  return item.name.trim() === "" ? item.id : `${item.id} ${item.name}`;
}

/** Checkboxes "this item → each candidate", one link kind; a rationale field under each checked link. */
function LinkChecklist(props: {
  theory: ProgrammeTheory;
  update: TheoryUpdate;
  kind: LinkKind;
  from: string;
  label: string;
  candidates: Item[];
  emptyText: string;
}): React.JSX.Element {
  const s = useStrings(THEORY_STRINGS);
  const styles = useStyles();
  const groupId = React.useId();
  const { theory, update, kind, from } = props;
  return (
    <div role="group" aria-labelledby={groupId} className={styles.links}>
      <span id={groupId} className={styles.muted}>
        {props.label}
      </span>
      {props.candidates.length === 0 ? <span className={styles.muted}>{props.emptyText}</span> : null}
      {props.candidates.map((c) => {
        const link = findLink(theory, kind, from, c.id);
        const cycle = kind === "delmaal-delmaal" && !link && wouldCreateCycle(theory, from, c.id);
        return (
          <div key={c.id} className={styles.linkRow}>
            <Checkbox
              label={cycle ? `${shortLabel(c)} ${s.wouldCycle}` : shortLabel(c)}
              checked={Boolean(link)}
              disabled={cycle}
              onChange={(_, d) => update((t) => setLink(t, kind, from, c.id, Boolean(d.checked)))}
            />
            {link ? (
              <Input
                className={styles.rationale}
                size="small"
                appearance="underline"
                placeholder={s.rationale}
                aria-label={`${s.rationale}: ${s.linkLabel(from, c.id)}`}
                value={link.rationale}
                onChange={(_, d) => update((t) => updateLink(t, link.id, { rationale: d.value }), { key: `rationale:${link.id}` })}
              />
            ) : null}
          </div>
        );
      })}
    </div>
  );
}

function linkText(theory: ProgrammeTheory, link: Link): string {
  const all: Item[] = [...theory.finalGoals, ...theory.subGoals, ...theory.activities];
  const name = (id: string): string => {
    const it = all.find((i) => i.id === id);
    return it && it.name.trim() !== "" ? `${id} ${it.name}` : id;
  };
  return `${name(link.from)} → ${name(link.to)}`;
}

function MechanismFields(props: { theory: ProgrammeTheory; update: TheoryUpdate; id: string; category: MechanismCategory | null }): React.JSX.Element {
  const s = useStrings(THEORY_STRINGS);
  const styles = useStyles();
  const { theory, update, id } = props;
  const actGroup = React.useId();
  const linkGroup = React.useId();
  return (
    <>
      <Field label={s.category} size="small">
        <Select
          size="small"
          value={props.category ?? ""}
          onChange={(_, d) => update((t) => updateItem(t, "mekanisme", id, { category: d.value === "" ? null : (d.value as MechanismCategory) }))}
        >
          <option value="">{s.noCategory}</option>
          {MECHANISM_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {s.categories[c]}
            </option>
          ))}
        </Select>
      </Field>
      <div role="group" aria-labelledby={actGroup} className={styles.links}>
        <span id={actGroup} className={styles.muted}>
          {s.attachActivities}
        </span>
        {theory.activities.length === 0 ? <span className={styles.muted}>{s.noTargets(s.kindPlural.aktivitet)}</span> : null}
        {theory.activities.map((a) => (
          <Checkbox
            key={a.id}
            label={shortLabel(a)}
            checked={theory.activityMechanisms.some((p) => p.activityId === a.id && p.mechanismId === id)}
            onChange={(_, d) => update((t) => setActivityMechanism(t, a.id, id, Boolean(d.checked)))}
          />
        ))}
      </div>
      {theory.links.length > 0 ? (
        <div role="group" aria-labelledby={linkGroup} className={styles.links}>
          <span id={linkGroup} className={styles.muted}>
            {s.attachLinks}
          </span>
          {theory.links.map((l) => (
            <Checkbox
              key={l.id}
              label={linkText(theory, l)}
              checked={l.mechanismIds.includes(id)}
              onChange={(_, d) => update((t) => setLinkMechanism(t, l.id, id, Boolean(d.checked)))}
            />
          ))}
        </div>
      ) : null}
    </>
  );
}

function ItemCard(props: {
  theory: ProgrammeTheory;
  update: TheoryUpdate;
  kind: ItemKind;
  item: Item;
  index: number;
  count: number;
  issues: readonly ValidationIssue[];
  /** Where the focus goes when this item is deleted: the next item, else the previous, else "Tilføj". */
  neighbourId?: string;
}): React.JSX.Element {
  const s = useStrings(THEORY_STRINGS);
  const lang = useLang();
  const styles = useStyles();
  const { theory, update, kind, item } = props;
  const hasError = props.issues.some((i) => i.severity === "error");
  const hasWarning = props.issues.length > 0;
  const singular = s.kindSingular[kind];
  const headingId = `${itemAnchorId(item.id)}-head`;
  return (
    <li>
      <article
        id={itemAnchorId(item.id)}
        data-testid={itemAnchorId(item.id)}
        aria-labelledby={headingId}
        className={mergeClasses(styles.card, hasError ? styles.cardError : hasWarning ? styles.cardWarning : undefined)}
      >
        <div className={styles.head}>
          <span id={headingId} className={styles.id}>
            {`${singular.charAt(0).toUpperCase()}${singular.slice(1)} ${item.id}`}
          </span>
          <OriginBadge origin={item.origin} />
          <Button
            size="small"
            appearance="subtle"
            icon={<ArrowUpRegular />}
            aria-label={`${s.moveUp}: ${item.id}`}
            title={s.moveUp}
            disabled={props.index === 0}
            onClick={() => update((t) => moveItem(t, kind, item.id, -1))}
          />
          <Button
            size="small"
            appearance="subtle"
            icon={<ArrowDownRegular />}
            aria-label={`${s.moveDown}: ${item.id}`}
            title={s.moveDown}
            disabled={props.index === props.count - 1}
            onClick={() => update((t) => moveItem(t, kind, item.id, 1))}
          />
          <Button
            size="small"
            appearance="subtle"
            icon={<DeleteRegular />}
            aria-label={`${s.remove}: ${item.id}`}
            title={s.remove}
            onClick={() => {
              const links = theory.links.filter((l) => l.from === item.id || l.to === item.id).length;
              const label = `${singular.charAt(0).toUpperCase()}${singular.slice(1)} ${item.id}${item.name.trim() === "" ? "" : ` »${item.name}«`}`;
              const focus = props.neighbourId
                ? { elementId: itemAnchorId(props.neighbourId), focusId: itemNameInputId(props.neighbourId) }
                : { elementId: addButtonId(kind) };
              update((t) => removeItem(t, kind, item.id), { announce: s.deleted(label, links), focus });
            }}
          />
        </div>
        <Field label={s.name} size="small" {...cellLimit(item.name, lang)}>
          <Input
            id={itemNameInputId(item.id)}
            size="small"
            placeholder={s.newItemName[kind]}
            value={item.name}
            onChange={(_, d) => update((t) => updateItem(t, kind, item.id, { name: d.value }), { key: `name:${item.id}` })}
          />
        </Field>
        <Field label={s.description} size="small" {...cellLimit(item.description, lang)}>
          <Textarea
            size="small"
            resize="vertical"
            value={item.description}
            onChange={(_, d) => update((t) => updateItem(t, kind, item.id, { description: d.value }), { key: `description:${item.id}` })}
          />
        </Field>
        {kind === "aktivitet" ? (
          <LinkChecklist
            theory={theory}
            update={update}
            kind="aktivitet-delmaal"
            from={item.id}
            label={s.activityServes}
            candidates={theory.subGoals}
            emptyText={s.noTargets(s.kindPlural.delmaal)}
          />
        ) : null}
        {kind === "delmaal" ? (
          <>
            <LinkChecklist
              theory={theory}
              update={update}
              kind="delmaal-slutmaal"
              from={item.id}
              label={s.subGoalLeadsToFinal}
              candidates={theory.finalGoals}
              emptyText={s.noTargets(s.kindPlural.slutmaal)}
            />
            {theory.subGoals.length > 1 ? (
              <LinkChecklist
                theory={theory}
                update={update}
                kind="delmaal-delmaal"
                from={item.id}
                label={s.subGoalLeadsToSub}
                candidates={theory.subGoals.filter((g) => g.id !== item.id)}
                emptyText=""
              />
            ) : null}
          </>
        ) : null}
        {kind === "slutmaal" || kind === "delmaal" ? (
          <IndicatorEditor
            itemId={item.id}
            forKind={kind}
            value={(item as Item & { indicator?: Indicator }).indicator}
            nameInputId={indicatorNameInputId(item.id)}
            onChange={(indicator, key) => {
              const added = !(item as Item & { indicator?: Indicator }).indicator && indicator !== undefined;
              update((t) => updateItem(t, kind, item.id, { indicator }), {
                ...(key ? { key: `indicator-${key}:${item.id}` } : {}),
                // "Tilføj indikator": on to the new indicator's name.
                ...(added ? { focus: { elementId: indicatorNameInputId(item.id) } } : {}),
              });
            }}
          />
        ) : null}
        {kind === "mekanisme" ? (
          <MechanismFields theory={theory} update={update} id={item.id} category={(item as Item & { category: MechanismCategory | null }).category} />
        ) : null}
        {props.issues.length > 0 ? (
          <ul className={styles.issues} aria-label={s.itemIssues}>
            {props.issues.map((i, n) => (
              <li key={n} className={i.severity === "error" ? styles.issueError : styles.issueWarning}>
                {i.message[lang]}
              </li>
            ))}
          </ul>
        ) : null}
      </article>
    </li>
  );
}

/** Issues concerning this item (directly, or through one of its links). */
function issuesOf(theory: ProgrammeTheory, id: string, issues: readonly ValidationIssue[]): ValidationIssue[] {
  const linkIds = new Set(theory.links.filter((l) => l.from === id).map((l) => l.id));
  return issues.filter((i) => i.itemIds.includes(id) || (i.itemIds.length === 1 && linkIds.has(i.itemIds[0])));
}

export function ItemSection(props: {
  theory: ProgrammeTheory;
  update: TheoryUpdate;
  kind: ItemKind;
  issues: readonly ValidationIssue[];
  /** Called with the new item's id after "Tilføj" so the pane can focus it. */
  onAdded?(id: string): void;
}): React.JSX.Element {
  const s = useStrings(THEORY_STRINGS);
  const styles = useStyles();
  const { theory, update, kind } = props;
  const items = itemsOf(theory, kind) as Item[];
  return (
    <section className={styles.section} aria-label={s.kindPlural[kind]}>
      {items.length === 0 ? <span className={styles.muted}>{s.noItems(s.kindPlural[kind])}</span> : null}
      <ul className={styles.list}>
        {items.map((item, index) => (
          <ItemCard
            key={item.id}
            theory={theory}
            update={update}
            kind={kind}
            item={item}
            index={index}
            count={items.length}
            issues={issuesOf(theory, item.id, props.issues)}
            neighbourId={(items[index + 1] ?? items[index - 1])?.id}
          />
        ))}
      </ul>
      <div className={styles.addRow}>
        <AddButton
          kind={kind}
          s={s}
          onClick={() => {
            const id = nextId(theory, kind);
            update((t) => addItem(t, kind, ""));
            props.onAdded?.(id);
          }}
        />
        {kind === "aktivitet" || kind === "mekanisme" ? <CataloguePicker theory={theory} update={update} kind={kind} onAdded={props.onAdded} /> : null}
      </div>
    </section>
  );
}

/** "Tilføj fra KL's katalog": KL's mechanisms or example activities, grouped by target group; entries already in the theory are left out. */
function CataloguePicker(props: { theory: ProgrammeTheory; update: TheoryUpdate; kind: "aktivitet" | "mekanisme"; onAdded?(id: string): void }): React.JSX.Element {
  const s = useStrings(THEORY_STRINGS);
  const text = useText();
  const { theory, kind } = props;
  const present = new Set((itemsOf(theory, kind) as Item[]).map((i) => i.name.trim().toLocaleLowerCase("da-DK")));
  const entries = catalogueFor(kind).filter((e) => !present.has(e.name.toLocaleLowerCase("da-DK")));
  const groups = (["unge", "over30"] as const).map((g) => [g, entries.filter((e) => e.group === g)] as const).filter(([, list]) => list.length > 0);
  return (
    <Field label={s.fromCatalogue(s.kindPlural[kind])} size="small">
      <Select
        size="small"
        value=""
        data-testid={`theory-catalogue-${kind}`}
        disabled={entries.length === 0}
        onChange={(_, d) => {
          const entry = entries.find((e) => e.key === d.value);
          if (!entry) return;
          const id = nextId(theory, kind);
          props.update((t) => addFromCatalogue(t, kind, entry).theory);
          props.onAdded?.(id);
        }}
      >
        <option value="">{entries.length === 0 ? s.catalogueUsed : s.cataloguePick}</option>
        {groups.map(([g, list]) => (
          <optgroup key={g} label={text(CATALOGUE_GROUPS[g])}>
            {list.map((e) => (
              <option key={e.key} value={e.key}>
                {e.category ? `${e.name} (${s.categories[e.category].toLocaleLowerCase()})` : e.name}
              </option>
            ))}
          </optgroup>
        ))}
      </Select>
    </Field>
  );
}

function AddButton(props: { kind: ItemKind; s: TheoryStrings; onClick(): void }): React.JSX.Element {
  return (
    <Button id={addButtonId(props.kind)} size="small" appearance="secondary" icon={<AddRegular />} onClick={props.onClick}>
      {props.s.add(props.s.kindSingular[props.kind])}
    </Button>
  );
}
