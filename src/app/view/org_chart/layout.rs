//! The geometry: boxes, arrows and labels placed so that none overlap.

use super::plan::*;
use super::words::*;
use super::*;

pub(super) fn text_width(lines: &[String]) -> f64 {
    lines.iter().map(|l| label_width(l)).fold(0.0, f64::max)
}

pub(super) fn box_width(lines: &[String]) -> f64 {
    text_width(lines) + 2.0 * BOX_PAD_X
}

pub(super) fn box_height(lines: usize) -> f64 {
    lines as f64 * LINE + 2.0 * BOX_PAD_Y
}

/// Words packed into lines no wider than `max_width`, each phrase starting
/// a new line. A word wider than the width keeps a line to itself.
pub(super) fn wrap(phrases: &[String], max_width: f64) -> Vec<String> {
    let mut lines = Vec::new();
    for phrase in phrases {
        let mut line = String::new();
        for word in phrase.split_whitespace() {
            let candidate = if line.is_empty() {
                word.to_owned()
            } else {
                format!("{line} {word}")
            };
            if !line.is_empty() && label_width(&candidate) > max_width {
                lines.push(std::mem::replace(&mut line, word.to_owned()));
            } else {
                line = candidate;
            }
        }
        if !line.is_empty() {
            lines.push(line);
        }
    }
    lines
}

/// A block of lines with its top at `top`: left-aligned at `x` for
/// [`Anchor::Start`], centred on `x` for [`Anchor::Middle`], right-aligned
/// at `x` for [`Anchor::End`].
pub(super) fn block(lines: Vec<String>, anchor: Anchor, x: f64, top: f64) -> Label {
    let width = text_width(&lines);
    let left = match anchor {
        Anchor::Start => x,
        Anchor::Middle => x - width / 2.0,
        Anchor::End => x - width,
    };
    let bounds = Rect {
        x: px(left),
        y: px(top),
        width: px(width),
        height: lines.len() as f64 * LINE,
    };
    Label {
        lines: lines
            .into_iter()
            .enumerate()
            .map(|(i, text)| TextLine {
                text,
                x: px(x),
                y: px(top + i as f64 * LINE + BASELINE),
            })
            .collect(),
        anchor,
        bounds,
    }
}

pub(super) fn org_box(kind: BoxKind, role: Option<Role>, rect: Rect, lines: Vec<String>) -> OrgBox {
    let (fill, stroke, dash, corner) = match (kind, role) {
        (BoxKind::Role, Some(role)) => {
            let (fill, stroke) = role_colours(role);
            (fill, stroke, None, 6.0)
        }
        (BoxKind::Role | BoxKind::Manager, _) => (MANAGER_FILL, MANAGER_STROKE, None, 4.0),
        (BoxKind::Agency, _) => (AGENCY_FILL, AGENCY_STROKE, Some("6 4"), 6.0),
        (BoxKind::Company, _) => (COMPANY_FILL, COMPANY_STROKE, None, 16.0),
    };
    let top = rect.y + (rect.height - lines.len() as f64 * LINE) / 2.0;
    OrgBox {
        kind,
        role,
        x: px(rect.x),
        y: px(rect.y),
        width: px(rect.width),
        height: px(rect.height),
        corner,
        fill,
        stroke,
        dash,
        label: block(lines, Anchor::Middle, rect.x + rect.width / 2.0, top),
    }
}

pub(super) fn agency_lines() -> Vec<String> {
    vec!["Agency".to_owned(), "books meetings".to_owned()]
}

/// "M x y L x y …" through `points`.
pub(super) fn polyline(points: &[(f64, f64)]) -> String {
    points
        .iter()
        .enumerate()
        .map(|(i, (x, y))| format!("{}{} {}", if i == 0 { "M" } else { " L" }, px(*x), px(*y)))
        .collect()
}

/// A loop from a box's top edge near its right end back into its right
/// edge near the top, bulging up and out by about 12 px.
pub(super) fn loop_path(right: f64, top: f64) -> String {
    format!(
        "M{} {} C{} {} {} {} {} {}",
        px(right - 20.0),
        px(top),
        px(right - 20.0),
        px(top - 18.0),
        px(right + 18.0),
        px(top - 14.0),
        px(right),
        px(top + 12.0)
    )
}

/// What a panel is drawn with; labels are placed so they never overlap
/// one already placed (a later one moves down).
#[derive(Default)]
pub(super) struct Canvas {
    pub(super) boxes: Vec<OrgBox>,
    pub(super) connectors: Vec<Connector>,
    pub(super) arrows: Vec<Arrow>,
    pub(super) placed: Vec<Rect>,
}

impl Canvas {
    pub(super) fn place(&mut self, mut label: Label) -> Label {
        while let Some(below) = self
            .placed
            .iter()
            .filter(|r| r.intersects(&label.bounds))
            .map(Rect::bottom)
            .reduce(f64::max)
        {
            label.shift_down(below + GAP / 2.0 - label.bounds.y);
        }
        self.placed.push(label.bounds);
        label
    }

    pub(super) fn arrow(&mut self, flow: Flow, d: String, label: Label) {
        let label = self.place(label);
        self.arrows.push(Arrow { flow, d, label });
    }

    pub(super) fn team(&mut self, team: &Team, lines: Vec<String>, x: f64, top: f64, width: f64, height: f64) {
        self.boxes.push(org_box(
            BoxKind::Role,
            Some(team.role),
            Rect {
                x,
                y: top,
                width,
                height,
            },
            lines,
        ));
    }

    /// The team's managers at `manager_x`, `manager_top`, with a line down to the team.
    pub(super) fn managers(&mut self, team: &Team, manager_x: f64, manager_top: f64, team_top: f64) {
        if !team.manager_box() {
            return;
        }
        let lines = vec![managers_text(team.managers)];
        let width = box_width(&lines);
        let height = box_height(1);
        self.boxes.push(org_box(
            BoxKind::Manager,
            Some(team.role),
            Rect {
                x: manager_x,
                y: manager_top,
                width,
                height,
            },
            lines,
        ));
        self.connectors.push(Connector {
            x: px(manager_x + width / 2.0),
            y1: px(manager_top + height),
            y2: px(team_top),
        });
    }

    pub(super) fn bottom(&self) -> f64 {
        let boxes = self.boxes.iter().map(|b| b.y + b.height);
        boxes.chain(self.placed.iter().map(Rect::bottom)).fold(0.0, f64::max)
    }
}

pub(super) fn manager_width(team: &Team) -> f64 {
    if team.manager_box() {
        box_width(&[managers_text(team.managers)])
    } else {
        0.0
    }
}

/// A team box wide enough for its words, for its manager box with room
/// for an arrow beside it, and (with a loop) for the loop's label.
pub(super) fn team_width(team: &Team, compact: bool) -> f64 {
    let mut width = box_width(&box_lines(team, compact))
        .max(manager_width(team) + 2.0 * MANAGER_CLEARANCE)
        .max(MIN_TEAM_WIDTH);
    if team.has_loop() {
        width = width.max(LOOP_TEAM_WIDTH);
    }
    width
}

/// A team's words, each line wrapped to [`COMPACT_TEXT`] when `compact`
/// (a phone's row with retention managers beside the account managers).
pub(super) fn box_lines(team: &Team, compact: bool) -> Vec<String> {
    if compact {
        wrap(&team.lines(), COMPACT_TEXT)
    } else {
        team.lines()
    }
}

/// A team drawn in the down layout.
pub(super) struct Slot<'a> {
    pub(super) team: &'a Team,
    pub(super) lines: Vec<String>,
    pub(super) width: f64,
    /// The manager box's left edge from the team's.
    pub(super) manager_offset: f64,
}

impl<'a> Slot<'a> {
    /// A team whose manager box stays right of `clearance` (from the
    /// team's left edge), where arrows come down into it.
    pub(super) fn new(team: &'a Team, compact: bool, clearance: f64) -> Self {
        let manager = manager_width(team);
        let mut width = team_width(team, compact);
        let mut manager_offset = (width - manager) / 2.0;
        if team.manager_box() && manager_offset < clearance {
            manager_offset = clearance;
            width = width.max(manager_offset + manager + MANAGER_CLEARANCE);
        }
        Slot {
            team,
            lines: box_lines(team, compact),
            width,
            manager_offset,
        }
    }
}

/// The panel's title lines at the top left; returns the height used.
pub(super) fn title(plan: &Plan, canvas: &mut Canvas, left: f64, top: f64, width: f64) -> (Option<Label>, f64) {
    if plan.title.is_empty() {
        return (None, 0.0);
    }
    let label = canvas.place(block(wrap(&plan.title, width), Anchor::Start, left, top));
    let used = label.bounds.height + GAP;
    (Some(label), used)
}

/// The company's boundary, its name at the top right inside it.
pub(super) fn company_box(rect: Rect) -> OrgBox {
    let mut company = org_box(BoxKind::Company, None, rect, Vec::new());
    company.label = block(
        vec![COMPANY_NAME.to_owned()],
        Anchor::End,
        rect.right() - BOX_PAD_X - 4.0,
        rect.y + 5.0,
    );
    company
}

/// Teams side by side; `None` when they do not fit `width`.
#[allow(clippy::too_many_lines)]
pub(super) fn across(plan: &Plan, ox: f64, oy: f64, width: f64) -> Option<OrgPanel> {
    let (left, right) = (ox + MARGIN, ox + width - MARGIN);
    let mut canvas = Canvas::default();
    let (title, title_height) = title(plan, &mut canvas, left, oy + MARGIN, right - left);
    let mut y = oy + MARGIN + title_height;

    let agency_width = box_width(&agency_lines());
    let company_left = if plan.agency {
        left + agency_width + AGENCY_GAP
    } else {
        left
    };
    let teams: Vec<&Team> = plan.flow.iter().chain(&plan.side).collect();
    let flow_count = plan.flow.len();
    let mut widths: Vec<f64> = teams.iter().map(|t| team_width(t, false)).collect();
    let mut gaps: Vec<f64> = (1..teams.len())
        .map(|i| {
            if i < flow_count {
                FLOW_GAP.max(MIN_LABEL_WIDTH + 12.0 - (widths[i - 1] + widths[i]) / 2.0)
            } else {
                SIDE_GAP
            }
        })
        .collect();
    let overhang = if plan.side.is_empty() && plan.flow.last().is_some_and(Team::has_loop) {
        LOOP_OVERHANG
    } else {
        0.0
    };
    let mut content = widths.iter().sum::<f64>() + gaps.iter().sum::<f64>() + overhang;
    // The company's name sits at the top right, clear of the leads arrow at the left.
    let name_room = label_width(COMPANY_NAME) + 3.0 * PAD + ARROW_INSET + GAP;
    let mut company_width = (content + 2.0 * PAD).max(name_room);
    if company_left + company_width > right + 1e-9 {
        return None;
    }
    // Spare width goes first to teams with a loop, whose words sit under them.
    let loops: Vec<usize> = (0..flow_count).filter(|i| plan.flow[*i].has_loop()).collect();
    if !loops.is_empty() {
        let share = (right - company_left - company_width) / loops.len() as f64;
        for i in loops {
            let grow = share.min(WIDE_LOOP_TEAM_WIDTH - widths[i]).max(0.0);
            widths[i] += grow;
            content += grow;
        }
        company_width = company_width.max(content + 2.0 * PAD);
    }
    if flow_count > 1 {
        let flow_gaps = (flow_count - 1) as f64;
        let extra = ((right - company_left - company_width) / flow_gaps).min(MAX_EXTRA_GAP);
        for gap in &mut gaps[..flow_count - 1] {
            *gap += extra;
        }
        company_width = company_width.max(content + extra * flow_gaps + 2.0 * PAD);
    }
    let mut xs = vec![company_left + PAD];
    for (i, gap) in gaps.iter().enumerate() {
        xs.push(xs[i] + widths[i] + gap);
    }

    // The leads arrow comes down into the first team, its words to its right.
    let leads_x = xs[0] + ARROW_INSET;
    let leads_top = y;
    let leads = block(
        wrap(&leads_words(plan.volumes.as_ref()), right - leads_x - GAP),
        Anchor::Start,
        leads_x + GAP,
        leads_top,
    );
    y += leads.bounds.height + GAP;

    let company_top = y;
    let manager_top = company_top + COMPANY_HEAD;
    let team_top = manager_top + box_height(1) + MANAGER_GAP;
    let team_height = teams
        .iter()
        .map(|t| box_height(t.lines().len()))
        .fold(box_height(agency_lines().len()), f64::max);
    let team_bottom = team_top + team_height;
    let middle = team_top + team_height / 2.0;
    let band_top = team_bottom + GAP + 2.0;

    for (i, team) in teams.iter().enumerate() {
        canvas.team(team, team.lines(), xs[i], team_top, widths[i], team_height);
        let centre = xs[i] + widths[i] / 2.0;
        canvas.managers(team, centre - manager_width(team) / 2.0, manager_top, team_top);
    }
    canvas.arrow(
        Flow::Leads,
        polyline(&[(leads_x, leads_top), (leads_x, team_top)]),
        leads,
    );
    if plan.agency {
        canvas.boxes.push(org_box(
            BoxKind::Agency,
            None,
            Rect {
                x: left,
                y: team_top,
                width: agency_width,
                height: team_height,
            },
            agency_lines(),
        ));
        let words = wrap(
            &meetings_words(plan.volumes.as_ref(), true, true),
            company_left - GAP - left,
        );
        canvas.arrow(
            Flow::Meetings,
            polyline(&[(left + agency_width, middle), (xs[0], middle)]),
            block(words, Anchor::Start, left, band_top),
        );
    }
    // The churn arrow leaves the last team at its right, clear of the words
    // under the arrow coming in from the left.
    let last = flow_count - 1;
    let churn_x = xs[last] + widths[last] - ARROW_INSET;
    for (i, team) in plan.flow.iter().enumerate() {
        let right_edge = xs[i] + widths[i];
        if team.has_loop() {
            let limit = if i == last { churn_x - GAP } else { right_edge };
            canvas.arrow(
                Flow::Loop,
                loop_path(right_edge, team_top),
                block(
                    wrap(&loop_words(plan, team), limit - xs[i]),
                    Anchor::Start,
                    xs[i],
                    band_top,
                ),
            );
        }
        if i < last {
            let next = plan.flow[i + 1].stages[0];
            let flow = if next == Stage::Selling {
                Flow::Meetings
            } else {
                Flow::Customers
            };
            let gap_centre = (right_edge + xs[i + 1]) / 2.0;
            let half = (gap_centre - (xs[i] + widths[i] / 2.0)).min(xs[i + 1] + widths[i + 1] / 2.0 - gap_centre) - GAP;
            let words = wrap(
                &after_stage(plan, *team.stages.last().unwrap_or(&Stage::Selling)),
                2.0 * half,
            );
            canvas.arrow(
                flow,
                polyline(&[(right_edge, middle), (xs[i + 1], middle)]),
                block(words, Anchor::Middle, gap_centre, band_top),
            );
        }
    }
    let inside_bottom = canvas
        .placed
        .iter()
        .filter(|r| r.x >= company_left)
        .map(Rect::bottom)
        .fold(team_bottom, f64::max);
    let company = Rect {
        x: company_left,
        y: company_top,
        width: company_width,
        height: inside_bottom + PAD - company_top,
    };
    let churn_end = company.bottom() + CHURN_DROP;
    let churn_words = wrap(&churn_words(plan.volumes.as_ref()), CHURN_LABEL_WIDTH.min(right - left));
    let churn_width = text_width(&churn_words);
    let churn_centre = churn_x.clamp(left + churn_width / 2.0, right - churn_width / 2.0);
    canvas.arrow(
        Flow::Churn,
        polyline(&[(churn_x, team_bottom), (churn_x, churn_end)]),
        block(churn_words, Anchor::Middle, churn_centre, churn_end + 4.0),
    );
    canvas.boxes.insert(0, company_box(company));
    Some(finish(plan, canvas, title, Layout::Across, ox, oy, width))
}

/// One team per row, the flow running down a spine near the boxes' left.
#[allow(clippy::too_many_lines)]
pub(super) fn down(plan: &Plan, ox: f64, oy: f64, width: f64) -> OrgPanel {
    let (left, right) = (ox + MARGIN, ox + width - MARGIN);
    let mut canvas = Canvas::default();
    let (title, title_height) = title(plan, &mut canvas, left, oy + MARGIN, right - left);
    let mut y = oy + MARGIN + title_height;
    let box_left = left + PAD;
    let spine = box_left + ARROW_INSET;
    let words_right = right - PAD;

    let leads_top = y;
    let leads = canvas.place(block(
        wrap(&leads_words(plan.volumes.as_ref()), right - spine - GAP),
        Anchor::Start,
        spine + GAP,
        leads_top,
    ));
    y += leads.bounds.height + GAP;
    // The agency sits above the company, right of the leads arrow; its
    // meetings come down a second line into the first team.
    let mut agency_arrow: Option<(f64, f64, Label)> = None;
    if plan.agency {
        let lines = agency_lines();
        let rect = Rect {
            x: spine + AGENCY_INSET,
            y,
            width: box_width(&lines),
            height: box_height(lines.len()),
        };
        canvas.boxes.push(org_box(BoxKind::Agency, None, rect, lines));
        let x = rect.x + ARROW_INSET;
        let words = block(
            wrap(&meetings_words(plan.volumes.as_ref(), true, true), right - x - GAP),
            Anchor::Start,
            x + GAP,
            rect.bottom() + GAP,
        );
        let words = canvas.place(words);
        y = words.bounds.bottom() + GAP;
        agency_arrow = Some((x, rect.bottom(), words));
    }

    let company_top = y;
    y += COMPANY_HEAD;
    // Rows: each team along the flow, then the teams beside it, packed
    // beside the last one while they fit (their words wrapped if that
    // makes more fit), the rest in rows of their own.
    let flow_count = plan.flow.len();
    let last = flow_count - 1;
    let clearance = |row: usize| {
        let arrows = if row == 0 && plan.agency {
            2.0 * ARROW_INSET + AGENCY_INSET
        } else {
            ARROW_INSET
        };
        arrows + GAP
    };
    let pack = |compact: bool| {
        let mut row = vec![Slot::new(&plan.flow[last], compact, clearance(last))];
        let mut rest: Vec<&Team> = Vec::new();
        let mut x = box_left + row[0].width;
        for team in &plan.side {
            let slot = Slot::new(team, compact, 0.0);
            if rest.is_empty() && x + SIDE_GAP + slot.width <= words_right + 1e-9 {
                x += SIDE_GAP + slot.width;
                row.push(slot);
            } else {
                rest.push(team);
            }
        }
        (row, rest)
    };
    let (mut last_row, mut rest) = pack(false);
    if !rest.is_empty() {
        let (compact_row, compact_rest) = pack(true);
        if compact_rest.len() < rest.len() {
            (last_row, rest) = (compact_row, compact_rest);
        }
    }
    let mut rows: Vec<Vec<Slot>> = (0..last)
        .map(|r| vec![Slot::new(&plan.flow[r], false, clearance(r))])
        .collect();
    rows.push(last_row);
    let mut x = f64::INFINITY;
    for team in rest {
        let slot = Slot::new(team, false, 0.0);
        if x + SIDE_GAP + slot.width > words_right + 1e-9 {
            rows.push(Vec::new());
            x = box_left - SIDE_GAP;
        }
        x += SIDE_GAP + slot.width;
        if let Some(row) = rows.last_mut() {
            row.push(slot);
        }
    }
    // Where the arrow into each flow team comes down, and from where.
    let mut incoming: Vec<(f64, f64, Flow, Label)> = vec![(spine, leads_top, Flow::Leads, leads)];
    if let Some((x, from, words)) = agency_arrow.take() {
        incoming.push((x, from, Flow::Meetings, words));
    }
    for (r, row) in rows.into_iter().enumerate() {
        let in_flow = r < flow_count;
        let with_managers = row.iter().any(|s| s.team.manager_box());
        let manager_top = y;
        let team_top = if with_managers {
            y + box_height(1) + MANAGER_GAP
        } else {
            y
        };
        let team_height = row.iter().map(|s| box_height(s.lines.len())).fold(0.0, f64::max);
        let mut x = box_left;
        for (i, slot) in row.into_iter().enumerate() {
            let team = slot.team;
            canvas.team(team, slot.lines, x, team_top, slot.width, team_height);
            canvas.managers(team, x + slot.manager_offset, manager_top, team_top);
            if in_flow && i == 0 && team.has_loop() {
                let words = block(
                    wrap(&loop_words(plan, team), words_right - spine - GAP),
                    Anchor::Start,
                    spine + GAP,
                    team_top + team_height + GAP,
                );
                canvas.arrow(Flow::Loop, loop_path(x + slot.width, team_top), words);
            }
            x += slot.width + SIDE_GAP;
        }
        if in_flow {
            for (arrow_x, from, flow, words) in incoming.drain(..) {
                let d = polyline(&[(arrow_x, from), (arrow_x, team_top)]);
                canvas.arrows.push(Arrow { flow, d, label: words });
            }
        }
        let team_bottom = team_top + team_height;
        y = team_bottom + GAP;
        if in_flow {
            let words_top = team_bottom + GAP;
            let (flow, words) = if r + 1 < flow_count {
                let next = plan.flow[r + 1].stages[0];
                let flow = if next == Stage::Selling {
                    Flow::Meetings
                } else {
                    Flow::Customers
                };
                let stage = *plan.flow[r].stages.last().unwrap_or(&Stage::Selling);
                (flow, after_stage(plan, stage))
            } else {
                (Flow::Churn, churn_words(plan.volumes.as_ref()))
            };
            let words = canvas.place(block(
                wrap(&words, words_right - spine - GAP),
                Anchor::Start,
                spine + GAP,
                words_top,
            ));
            let band_bottom = canvas.placed.iter().map(Rect::bottom).fold(words_top + LINE, f64::max);
            if flow == Flow::Churn {
                let d = polyline(&[(spine, team_bottom), (spine, band_bottom)]);
                canvas.arrows.push(Arrow { flow, d, label: words });
            } else {
                incoming.push((spine, team_bottom, flow, words));
            }
            y = band_bottom + GAP + 2.0;
        }
    }
    let company = Rect {
        x: left,
        y: company_top,
        width: right - left,
        height: canvas.bottom() + PAD - company_top,
    };
    canvas.boxes.insert(0, company_box(company));
    finish(plan, canvas, title, Layout::Down, ox, oy, width)
}

pub(super) fn finish(
    plan: &Plan,
    canvas: Canvas,
    title: Option<Label>,
    layout: Layout,
    ox: f64,
    oy: f64,
    width: f64,
) -> OrgPanel {
    let bottom = canvas.bottom();
    OrgPanel {
        title,
        bounds: Rect {
            x: ox,
            y: oy,
            width,
            height: px(bottom + MARGIN - oy),
        },
        layout,
        boxes: canvas.boxes,
        connectors: canvas.connectors,
        arrows: canvas.arrows,
        volumes: plan.volumes,
        months: plan.months.clone(),
    }
}

pub(super) fn panel(plan: &Plan, ox: f64, oy: f64, width: f64) -> OrgPanel {
    across(plan, ox, oy, width).unwrap_or_else(|| down(plan, ox, oy, width))
}

// ---------------------------------------------------------------------------
