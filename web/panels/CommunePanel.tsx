// The commune panel: name, type, parent units, current status with date and legal basis, history timeline,
// hotspot counts, and selection for transformation under the current plan.
import { useEffect, useRef, useState } from 'react';
import { useWindowKeys } from '../state/useWindowKeys';
import { ProposalForm } from './ProposalForm';
import type { CommuneInfo } from '../api/client';
import { formatDate } from '../i18n/format';
import { useT } from '../i18n/context';
import { STATUS_COLORS } from '../map/style';
import { unitDisplayName } from '../../geo/unit-names';

interface Props {
  info: CommuneInfo | null;
  loading: boolean;
  planId: string | null;
  /** The user may propose changes for this commune (role and area; the server checks again). */
  canPropose: boolean;
  today: string | null;
  onClose(): void;
}

type Mode = null | { corrects: CommuneInfo['history'][number] | null };

function History({
  info,
  onCorrect,
}: {
  info: CommuneInfo;
  onCorrect: ((h: CommuneInfo['history'][number]) => void) | null;
}) {
  const t = useT();
  return (
    <ol className="timeline" data-testid="commune-history">
      {[...info.history].reverse().map((h) => (
        <li key={h.id} className={h.corrected ? 'corrected' : ''} data-status={h.status}>
          <span className="swatch" style={{ background: STATUS_COLORS[h.status] }} />
          <div>
            <strong>{formatDate(h.effectiveDate)}</strong> — {t.status[h.status]}
            {h.corrected && <em> ({t.corrected})</em>}
            {h.correctsId !== null && <em> ({t.correction})</em>}
            <div className="muted">
              {t.legalBasis}: {h.legalBasis}
            </div>
            {h.note && <div className="muted">{h.note}</div>}
            {onCorrect && !h.corrected && (
              <button className="link" onClick={() => onCorrect(h)} data-testid={`correct-${h.id}`}>
                {t.wf.correct}
              </button>
            )}
          </div>
        </li>
      ))}
    </ol>
  );
}

/** Escape closes the panel; opening it moves the keyboard focus to its heading so a screen reader reads it. */
function usePanelKeys(code: string | undefined, onClose: () => void) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (code) heading.current?.focus();
  }, [code]);
  useWindowKeys((e) => e.key === 'Escape' && onClose(), !!code);
  return heading;
}

/** The proposal form open (a new status or a correction) and the "sent" note, both for the commune shown only. */
function useProposalMode(code: string | undefined) {
  const [mode, setMode] = useState<Mode>(null);
  const [sent, setSent] = useState(false);
  // Another commune opened: the form and the "sent" note of the previous one go (state adjusted while rendering).
  const [shownCode, setShownCode] = useState(code);
  if (shownCode !== code) {
    setShownCode(code);
    setMode(null);
    setSent(false);
  }
  return { mode, setMode, sent, setSent };
}
type ProposalMode = ReturnType<typeof useProposalMode>;

/** Where the commune stands: status since when and on what basis, hotspots, selection under the plan shown. */
function CommuneFacts({ info, planId }: { info: CommuneInfo; planId: string | null }) {
  const t = useT();
  const selection = info.selections.find((s) => s.planId === planId);
  return (
    <>
      <p className="current-status" data-testid="commune-status">
        <span className="swatch" style={{ background: STATUS_COLORS[info.status?.status ?? 'none'] }} />
        <strong>{t.status[info.status?.status ?? 'none']}</strong>
        {info.status && (
          <>
            {' '}
            {t.since} {formatDate(info.status.since)}
          </>
        )}
      </p>
      {info.legalBasis && (
        <p className="muted">
          {t.legalBasis}: {info.legalBasis}
        </p>
      )}
      <p>
        {t.hotspotCounts}: <strong>{info.hotspots.active}</strong> {t.active},{' '}
        <strong>{info.hotspots.eliminated}</strong> {t.eliminated}
      </p>
      <p>{selection ? `${t.selected} (${formatDate(selection.selectedOn)})` : t.notSelected}</p>
    </>
  );
}

/** A proposal pending or just sent, the button that opens the form, and the form. */
function ProposalControls({
  info,
  canPropose,
  today,
  proposal,
}: {
  info: CommuneInfo;
  canPropose: boolean;
  today: string | null;
  proposal: ProposalMode;
}) {
  const t = useT();
  return (
    <>
      {info.pendingProposalId !== null && (
        <p className="panel-notice" data-testid="pending-notice">
          {t.wf.pending} (#{info.pendingProposalId})
        </p>
      )}
      {proposal.sent && (
        <p className="panel-notice" role="status" data-testid="proposal-sent">
          {t.wf.sent}
        </p>
      )}
      {canPropose && today && info.pendingProposalId === null && !proposal.mode && (
        <button onClick={() => proposal.setMode({ corrects: null })} data-testid="propose">
          {t.wf.propose}
        </button>
      )}
      {proposal.mode && today && (
        <ProposalForm
          info={info}
          today={today}
          corrects={proposal.mode.corrects}
          onDone={() => {
            proposal.setMode(null);
            proposal.setSent(true);
          }}
          onCancel={() => proposal.setMode(null)}
        />
      )}
    </>
  );
}

export function CommunePanel({ info, loading, planId, canPropose, today, onClose }: Props) {
  const t = useT();
  const heading = usePanelKeys(info?.code, onClose);
  const proposal = useProposalMode(info?.code);
  if (!info) return loading ? <aside className="panel commune-panel">{t.loading}</aside> : null;
  return (
    <aside
      className="panel commune-panel"
      aria-label={unitDisplayName(info)}
      data-testid="commune-panel"
      data-code={info.code}
    >
      <button className="close" onClick={onClose} aria-label={t.close}>
        ×
      </button>
      <h2 ref={heading} tabIndex={-1}>
        {unitDisplayName(info)}
      </h2>
      <div className="muted">{info.parents.map(unitDisplayName).reverse().join(', ')}</div>
      <CommuneFacts info={info} planId={planId} />
      <ProposalControls info={info} canPropose={canPropose} today={today} proposal={proposal} />
      <h3>{t.history}</h3>
      <History
        info={info}
        onCorrect={canPropose && info.pendingProposalId === null ? (h) => proposal.setMode({ corrects: h }) : null}
      />
    </aside>
  );
}
