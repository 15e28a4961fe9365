import * as React from "react";
import {
  Button,
  makeStyles,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Overflow,
  OverflowItem,
  Tab,
  TabList,
  tokens,
  useIsOverflowItemVisible,
  useOverflowMenu,
} from "@fluentui/react-components";
import { ChevronDown16Regular } from "@fluentui/react-icons";
import { useT } from "./i18n";

/*
 * The pane's tabs: as many as fit in the width, the rest in a "Meer" menu, the selected one
 * always among those shown. A view plugs in by adding a `PaneTab` to the list App passes.
 */

export interface PaneTab {
  id: string;
  label: string;
}

const useStyles = makeStyles({
  // The tabs and the "Meer" button beside them: a tablist may hold tabs only.
  root: { display: "flex", alignItems: "center", minWidth: 0, overflow: "hidden" },
  list: { flexWrap: "nowrap", minWidth: 0 },
  more: { minWidth: 0, flexShrink: 0, marginLeft: tokens.spacingHorizontalXS },
});

function MoreItem({ tab, onSelect }: { tab: PaneTab; onSelect(id: string): void }) {
  const visible = useIsOverflowItemVisible(tab.id);
  if (visible) return null;
  return <MenuItem onClick={() => onSelect(tab.id)}>{tab.label}</MenuItem>;
}

function More({ tabs, onSelect }: { tabs: PaneTab[]; onSelect(id: string): void }) {
  const t = useT();
  const styles = useStyles();
  const { ref, isOverflowing, overflowCount } = useOverflowMenu<HTMLButtonElement>();
  if (!isOverflowing) return null;
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <Button
          ref={ref}
          appearance="transparent"
          className={styles.more}
          icon={<ChevronDown16Regular />}
          iconPosition="after"
          aria-label={t(`Meer tabbladen (${overflowCount})`, `More tabs (${overflowCount})`)}
        >
          {t("Meer", "More")}
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {tabs.map((tab) => (
            <MoreItem key={tab.id} tab={tab} onSelect={onSelect} />
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

export function PaneTabs(props: { tabs: PaneTab[]; selected: string; onSelect(id: string): void }) {
  const { tabs, selected, onSelect } = props;
  const styles = useStyles();
  return (
    <Overflow minimumVisible={1}>
      <div className={styles.root}>
        <TabList
          className={styles.list}
          selectedValue={selected}
          onTabSelect={(_, d) => onSelect(String(d.value))}
        >
          {tabs.map((tab) => (
            <OverflowItem key={tab.id} id={tab.id} priority={tab.id === selected ? 2 : 1}>
              <Tab value={tab.id}>{tab.label}</Tab>
            </OverflowItem>
          ))}
        </TabList>
        <More tabs={tabs} onSelect={onSelect} />
      </div>
    </Overflow>
  );
}
