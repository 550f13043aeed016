// The centre of the page: the Sankey of the selection, with its feature maps below. This view
// builds the Sankey once per result and settings (graph and layout: use-sankey-drawing.ts) and
// passes it down; the panels below only draw it (docs/sankey.md, "Data flow"). Hover and pin are
// shared between the Sankey and the maps through the store, converting Sankey node ids ↔ maps
// with layout/node-ref.ts on the graph that is drawn (use-map-linking.ts).
import { useImportantMapIds } from '../../components/analyses/use-important-map-ids';
import { PathwayPanel } from '../../components/sankey/PathwayPanel';
import { useSankeyDrawing } from '../../components/sankey/use-sankey-drawing';
import { selectClassNames } from '../../state/selectors';
import { selectShownPathways } from '../../state/selectors-view';
import { appStore, useAppState } from '../../state/store';
import { useSankeyFit } from '../presentation/sankey-fit';
import { MapsView } from './MapsView';
import { useMapLinking } from './use-map-linking';

export function PathwayView() {
  const targetClass = useAppState((s) => s.targetClass);
  const settings = useAppState((s) => s.sankey);
  const pinned = useAppState((s) => s.pinned);
  const reveal = useAppState((s) => s.reveal);
  const hoveredMap = useAppState((s) => s.hoveredMap);
  const result = useAppState(selectShownPathways);
  const classNames = useAppState(selectClassNames);
  // A pressed pixel's answer, there before the release: laid out while the button is down.
  const ahead = useAppState((s) => s.pathwaysAhead);
  // The one build of the graph and its layout for this view; everything below draws it.
  // Its height and type follow the view (lecture and embed fit the window: sankey-fit.ts).
  const fit = useSankeyFit(result?.layers.length ?? 0);
  const { drawing, frame } = useSankeyDrawing(
    result,
    settings,
    classNames,
    fit.height,
    fit.options,
    ahead,
  );
  const graph = drawing?.graph ?? null;
  const actions = appStore.getState();
  // Finding 1 on the Sankey: the Analyses area's top-m maps per layer (empty when marking is off).
  const markedNodeIds = useImportantMapIds();

  const { onPinNode, onHoverNode, externalHover } = useMapLinking(
    graph,
    result?.layers ?? null,
    hoveredMap,
  );

  return (
    <div className="pathway-stack">
      <PathwayPanel
        drawing={drawing}
        frame={frame}
        targetClass={targetClass}
        onTargetClassChange={actions.setTargetClass}
        settings={settings}
        onSettingsChange={actions.setSankeySettings}
        pinned={pinned}
        onPinNode={onPinNode}
        onHoverNode={onHoverNode}
        externalHover={externalHover}
        markedNodeIds={markedNodeIds}
        reveal={reveal}
        onRevealChange={actions.setReveal}
      />
      <MapsView graph={graph} />
    </div>
  );
}
