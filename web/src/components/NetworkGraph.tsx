// The actor network drawn with Cytoscape: node size by activity, edge
// colour by conflict share (blue cooperation .. red conflict), width by
// events. Tapping an edge opens its dyad, a node its actor. The graph is a
// canvas, so the same edges are also offered as a keyboard-usable list by
// the Overview view.
import cytoscape from 'cytoscape';
import { useEffect, useRef } from 'preact/hooks';
import { edgeColor, edgeWidth } from '../format';
import type { Network } from '../types';

declare global {
  interface Window {
    __dyadCy?: cytoscape.Core;
  }
}

export function NetworkGraph({ network, onEdge, onNode }: {
  network: Network;
  onEdge: (source: string, target: string) => void;
  onNode: (id: string) => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const maxNode = Math.max(1, ...network.nodes.map((n) => n.events));
    const maxEdge = Math.max(1, ...network.edges.map((e) => e.events));
    const cy = cytoscape({
      container: ref.current,
      elements: [
        ...network.nodes.map((n) => ({
          data: { id: n.id, label: n.id, name: n.label, size: 18 + 42 * Math.sqrt(n.events / maxNode) },
        })),
        ...network.edges.map((e) => ({
          data: {
            id: `${e.source}->${e.target}`,
            source: e.source,
            target: e.target,
            color: edgeColor(e.cooperation, e.conflict),
            width: edgeWidth(e.events, maxEdge),
            events: e.events,
          },
        })),
      ],
      style: [
        {
          selector: 'node',
          style: {
            'background-color': '#4a5568',
            width: 'data(size)',
            height: 'data(size)',
            label: 'data(label)',
            color: '#1a202c',
            'font-size': 12,
            'text-valign': 'bottom',
            'text-margin-y': 4,
            'text-outline-color': '#ffffff',
            'text-outline-width': 2,
          },
        },
        {
          selector: 'edge',
          style: {
            width: 'data(width)',
            'line-color': 'data(color)',
            'target-arrow-color': 'data(color)',
            'target-arrow-shape': 'triangle',
            'curve-style': 'bezier',
            opacity: 0.85,
          },
        },
        { selector: 'edge:selected, node:selected', style: { 'overlay-opacity': 0.2, 'overlay-color': '#1a56db' } },
      ],
      layout: { name: 'cose', animate: false, randomize: true, nodeRepulsion: () => 9000, idealEdgeLength: () => 90, padding: 20 },
      minZoom: 0.2,
      maxZoom: 4,
    });
    cy.on('tap', 'edge', (e) => onEdge(e.target.data('source'), e.target.data('target')));
    cy.on('tap', 'node', (e) => onNode(e.target.id()));
    // Tests drive the canvas through the instance.
    window.__dyadCy = cy;
    const resize = new ResizeObserver(() => cy.resize());
    resize.observe(ref.current);
    return () => {
      resize.disconnect();
      if (window.__dyadCy === cy) delete window.__dyadCy;
      cy.destroy();
    };
  }, [network]);
  return (
    <div
      ref={ref}
      class="network"
      data-testid="network"
      role="img"
      aria-label={`Actor network: ${network.nodes.length} actors, ${network.edges.length} directed relations. The list of relations follows.`}
    />
  );
}
