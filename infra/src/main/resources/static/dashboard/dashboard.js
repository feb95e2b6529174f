/*
 * The health dashboard: pages fetch the metrics API with the browser's HTTP Basic login and draw
 * with ECharts. Chart data are the API's figures as they come (durations converted to hours only),
 * so what a chart shows can be checked against the API. <body> names the window in data-window and,
 * when the page has drawn everything, gets data-ready; when it failed, data-error.
 */
const Dashboard = (() => {
  const SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4'];
  const SEVERITY_COLOURS = ['#c0392b', '#e67e22', '#f4d03f', '#95a5a6'];
  const STAGES = [['OWNER', 'Owner review'], ['GOVERNANCE', 'Governance review'],
    ['CHANGES_REQUESTED', 'Changes requested']];
  const TASKLIST = '/camunda/app/tasklist/default/';
  const params = new URLSearchParams(location.search);
  const days = Number(params.get('days') || 90);
  const WINDOW = windowQuery();

  /** The last {@code days} days to now, the same for every request of the page. */
  function windowQuery() {
    const to = new Date();
    const from = new Date(to.getTime() - days * 86400000);
    return `from=${from.toISOString()}&to=${to.toISOString()}`;
  }

  async function getJson(path) {
    const response = await fetch(path, {headers: {Accept: 'application/json'}});
    if (!response.ok) {
      const error = new Error(`${path} answered ${response.status}`);
      error.status = response.status;
      throw error;
    }
    return response.json();
  }

  function el(tag, attributes = {}, ...children) {
    const element = document.createElement(tag);
    Object.entries(attributes).forEach(([name, value]) => element.setAttribute(name, value));
    children.flat().forEach(child => element.append(child instanceof Node ? child : String(child ?? '')));
    return element;
  }

  function link(href, text) {
    return el('a', {href}, text);
  }

  /** The Tasklist, searching the tasks of the process started for a case. */
  function tasklistLink(businessKey, text = 'Tasklist') {
    const search = [{type: 'processInstanceBusinessKey', operator: 'eq', value: businessKey, name: ''}];
    return link(`${TASKLIST}#/?searchQuery=${encodeURIComponent(JSON.stringify(search))}`, text);
  }

  function contractLink(contractId) {
    return link(`contract.html?id=${encodeURIComponent(contractId)}&days=${days}`, contractId);
  }

  function domainLink(domainId) {
    return link(`domain.html?id=${encodeURIComponent(domainId)}&days=${days}`, domainId);
  }

  function duration(seconds) {
    if (seconds === null || seconds === undefined) return '–';
    if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
    if (seconds < 48 * 3600) return `${(seconds / 3600).toFixed(1)} h`;
    return `${(seconds / 86400).toFixed(1)} d`;
  }

  function percent(ratio) {
    return ratio === null || ratio === undefined ? '–' : `${(ratio * 100).toFixed(1)} %`;
  }

  function hours(seconds) {
    return seconds === null || seconds === undefined ? null : seconds / 3600;
  }

  function date(instant) {
    return instant ? instant.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ' UTC') : '–';
  }

  function cards(items) {
    return el('div', {class: 'cards'}, items.map(([label, value, id]) =>
      el('div', {class: 'card', id}, el('div', {class: 'value'}, value), el('div', {class: 'label'}, label))));
  }

  function panel(title, wide = false) {
    return el('section', {class: wide ? 'panel wide' : 'panel'}, el('h3', {}, title));
  }

  function chart(container, id, option) {
    const box = el('div', {class: 'chart', id});
    container.append(box);
    const instance = echarts.init(box);
    instance.setOption(Object.assign({animation: false, tooltip: {trigger: 'axis'}, legend: {top: 0},
      grid: {left: 50, right: 20, top: 36, bottom: 30}}, option));
    window.addEventListener('resize', () => instance.resize());
  }

  function weeklyAxis(weekly) {
    return {type: 'category', data: weekly.map(w => w.week)};
  }

  function table(id, columns, rows, empty) {
    if (rows.length === 0) return el('p', {class: 'empty', id}, empty);
    return el('table', {id},
      el('thead', {}, el('tr', {}, columns.map(([name, numeric]) => el('th', numeric ? {class: 'number'} : {}, name)))),
      el('tbody', {}, rows.map(cells => el('tr', {}, cells.map((cell, i) =>
        el('td', columns[i][1] ? {class: 'number'} : {}, cell))))));
  }

  async function header(current) {
    const select = el('select', {id: 'window', 'aria-label': 'window'},
      [30, 90, 180, 365].map(d => {
        const option = el('option', {value: d}, `last ${d} days`);
        option.selected = d === days;
        return option;
      }));
    select.addEventListener('change', () => {
      params.set('days', select.value);
      location.search = params.toString();
    });
    const nav = el('nav', {}, link(`./?days=${days}`, 'Overview'));
    document.body.prepend(el('header', {}, el('h1', {}, 'meshgov health'), nav, select));
    try {
      const domains = await getJson('/api/domains');
      domains.forEach(d => {
        const a = domainLink(d.id);
        if (d.id === current) a.classList.add('current');
        nav.append(a);
      });
    } catch (error) {
      nav.append(el('span', {}, '(domains unavailable)'));
    }
    nav.append(link(TASKLIST, 'Tasklist'), link('/swagger-ui.html', 'API'));
  }

  function kpis(m) {
    return cards([
      ['Published contracts', m.adoption.publishedContracts, 'kpi-published'],
      ['In review', m.reviews.inReview, 'kpi-in-review'],
      ['Time to publish (median)', duration(m.reviews.timeToPublish.p50Seconds), 'kpi-time-to-publish'],
      ['Open incidents', m.incidents.open, 'kpi-open-incidents'],
      ['Quality compliance', percent(m.quality.compliance), 'kpi-compliance'],
      ['Quality score', m.quality.score === null ? '–' : m.quality.score.toFixed(1), 'kpi-score'],
      ['Open access requests', m.access.openRequests, 'kpi-open-access'],
      ['Active grants', m.access.activeGrants, 'kpi-active-grants'],
      ['Open deprecations', m.deprecations.open, 'kpi-deprecations'],
      ['Review SLA breaches', m.reviews.slaBreaches, 'kpi-sla-breaches'],
    ]);
  }

  function charts(m) {
    const grid = el('div', {class: 'grid'});
    let p = panel('Publications per week');
    grid.append(p);
    chart(p, 'chart-published-per-week', {xAxis: weeklyAxis(m.reviews.publishedPerWeek),
      yAxis: {type: 'value', minInterval: 1},
      series: [{name: 'Published', type: 'bar', data: m.reviews.publishedPerWeek.map(w => w.count)}]});

    p = panel('Time to publish and time per review stage (hours)');
    grid.append(p);
    const durations = [m.reviews.timeToPublish, ...STAGES.map(([key]) => m.reviews.stages[key])];
    chart(p, 'chart-durations', {xAxis: {type: 'category',
        data: ['Time to publish', ...STAGES.map(([, label]) => label)]}, yAxis: {type: 'value', name: 'h'},
      series: [['p50', 'p50Seconds'], ['p90', 'p90Seconds'], ['max', 'maxSeconds']].map(([name, field]) =>
        ({name, type: 'bar', data: durations.map(d => hours(d[field]))}))});

    p = panel('Quality per week');
    grid.append(p);
    chart(p, 'chart-quality', {xAxis: weeklyAxis(m.quality.weekly), yAxis: {type: 'value', min: 0, max: 100},
      series: [
        {name: 'Compliance %', type: 'line', connectNulls: true,
          data: m.quality.weekly.map(w => w.compliance === null ? null : w.compliance * 100)},
        {name: 'Quality score', type: 'line', connectNulls: true, data: m.quality.weekly.map(w => w.score)}]});

    p = panel('Incidents raised per week, by severity');
    grid.append(p);
    chart(p, 'chart-incidents-per-week', {xAxis: weeklyAxis(m.incidents.weekly),
      yAxis: {type: 'value', minInterval: 1}, color: SEVERITY_COLOURS,
      series: SEVERITIES.map(severity => ({name: severity, type: 'bar', stack: 'raised',
        data: m.incidents.weekly.map(w => w.bySeverity[severity])}))});

    p = panel('Incidents raised, by kind');
    grid.append(p);
    // a pie of zeroes would draw equal slices: kinds without incidents are left out
    const kinds = Object.entries(m.incidents.raisedByKind).filter(([, value]) => value > 0);
    chart(p, 'chart-incidents-by-kind', {tooltip: {trigger: 'item'}, legend: {top: 0, type: 'scroll'},
      title: kinds.length ? undefined : {text: 'No incident raised in this window', left: 'center', top: 'middle',
        textStyle: {color: '#616e7c', fontSize: 13, fontWeight: 'normal'}},
      series: [{name: 'Incidents by kind', type: 'pie', radius: ['35%', '65%'], top: 30,
        data: kinds.map(([name, value]) => ({name, value}))}]});

    p = panel('Open incidents by age');
    grid.append(p);
    chart(p, 'chart-open-incidents-by-age', {xAxis: {type: 'category', data: Object.keys(m.incidents.openByAge)},
      yAxis: {type: 'value', minInterval: 1},
      series: [{name: 'Open incidents', type: 'bar', data: Object.values(m.incidents.openByAge)}]});

    p = panel('Response times (hours)');
    grid.append(p);
    const responses = [m.incidents.timeToAcknowledge, m.incidents.timeToResolve, m.access.timeToDecision];
    chart(p, 'chart-response-times', {xAxis: {type: 'category',
        data: ['Acknowledge incident', 'Resolve incident', 'Decide access']}, yAxis: {type: 'value', name: 'h'},
      series: [['p50', 'p50Seconds'], ['p90', 'p90Seconds']].map(([name, field]) =>
        ({name, type: 'bar', data: responses.map(d => hours(d[field]))}))});

    p = panel('Adoption at the end of each week');
    grid.append(p);
    chart(p, 'chart-adoption', {xAxis: weeklyAxis(m.adoption.weekly), yAxis: {type: 'value', minInterval: 1},
      series: [['Domains', 'domains'], ['Published contracts', 'publishedContracts'], ['Consumers', 'consumers']]
        .map(([name, field]) => ({name, type: 'line', data: m.adoption.weekly.map(w => w[field])}))});
    return grid;
  }

  function openWork(m) {
    const grid = el('div', {class: 'grid'});
    let p = panel('Reviews waiting');
    p.append(table('table-open-reviews', [['Contract'], ['Version'], ['Stage'], ['Waiting', true], ['']],
      m.reviews.openReviews.map(r => [contractLink(r.contractId), r.version, r.stage, duration(r.waitingSeconds),
        tasklistLink(`${r.contractId}:${r.version}`)]), 'No proposal is waiting for a review.'));
    grid.append(p);

    p = panel('Open incidents');
    p.append(table('table-open-incidents', [['Severity'], ['Kind'], ['Title'], ['Contract'], ['Age', true],
        ['Acknowledged']],
      m.incidents.openIncidents.map(i => [el('span', {class: i.severity.toLowerCase()}, i.severity), i.kind, i.title,
        contractLink(i.contractId), duration(i.ageSeconds), i.acknowledged ? 'yes' : 'no']),
      'No incident is open.'));
    grid.append(p);

    p = panel('Access requests waiting');
    p.append(table('table-open-access', [['Contract'], ['Consumer'], ['Requested'], ['Age', true], ['Escalated'],
        ['']],
      m.access.oldestOpenRequests.map(r => [contractLink(r.contractId), r.consumerDomain, date(r.requestedAt),
        duration(r.ageSeconds), r.escalated ? 'yes' : 'no', tasklistLink(r.requestId)]),
      'No access request is waiting.'));
    grid.append(p);

    p = panel(`Grants ending within 30 days (${m.access.grantsExpiringWithin30Days})`);
    p.append(table('table-expiring-grants', [['Contract'], ['Consumer'], ['Ends'], ['']],
      m.access.expiringGrants.map(g => [contractLink(g.contractId), g.consumerDomain, date(g.until),
        link(`/api/access-grants?contractId=${encodeURIComponent(g.contractId)}`, 'grants')]),
      'No grant ends within 30 days.'));
    grid.append(p);

    p = panel('Open deprecations', true);
    p.append(table('table-deprecations', [['Contract'], ['Version'], ['Sunset'], ['Days to sunset', true],
        ['Consumers', true], ['Not acknowledged'], ['Not migrated'], ['']],
      m.deprecations.openDeprecations.map(d => [contractLink(d.contractId), d.version, date(d.sunset),
        d.daysToSunset, d.consumers, d.notAcknowledged.join(', ') || '–', d.notMigrated.join(', ') || '–',
        tasklistLink(d.deprecationId)]), 'No deprecation is open.'));
    grid.append(p);

    p = panel('Quality per contract version');
    p.append(table('table-quality-versions', [['Contract'], ['Version'], ['Runs', true], ['Compliance', true],
        ['Score', true]],
      m.quality.byVersion.map(v => [contractLink(v.contractId), v.version, v.runs, percent(v.compliance),
        v.score === null ? '–' : v.score.toFixed(1)]), 'No quality results in this window.'));
    grid.append(p);

    p = panel('Review decisions per reviewer');
    p.append(table('table-reviewers', [['Reviewer'], ['Approved', true], ['Changes requested', true],
        ['Rejected', true], ['Total', true]],
      m.reviews.decisionsByReviewer.map(r => [r.reviewer, r.approve, r.requestChanges, r.reject, r.total]),
      'No review decision in this window.'));
    grid.append(p);
    return grid;
  }

  function title(text, m) {
    return [el('h2', {}, text),
      el('p', {class: 'subtitle'},
        `${date(m.from)} to ${date(m.to)}; things open are counted as they stand at the end.`)];
  }

  async function page(render) {
    document.body.dataset.window = WINDOW;
    try {
      await render(document.querySelector('main'));
      document.body.dataset.ready = 'true';
    } catch (error) {
      document.querySelector('main').append(el('p', {class: 'error'}, `Could not load the figures: ${error.message}`));
      document.body.dataset.error = error.message;
    }
  }

  async function overview() {
    await header(null);
    await page(async main => {
      const m = await getJson(`/api/metrics/overview?${WINDOW}`);
      main.append(...title('The mesh', m), kpis(m));
      const domains = panel('Domains', true);
      domains.append(table('table-domains', [['Domain'], ['Published contracts', true], ['In review', true],
          ['Open incidents', true], ['Open access requests', true], ['Compliance', true],
          ['Time to publish (median)', true]],
        m.domains.map(d => [domainLink(d.domain), d.publishedContracts, d.inReview, d.openIncidents,
          d.openAccessRequests, percent(d.compliance), duration(d.timeToPublishP50Seconds)]), 'No domain yet.'));
      main.append(el('div', {class: 'grid'}, domains), charts(m), openWork(m));
    });
  }

  async function domain() {
    const id = params.get('id');
    await header(id);
    await page(async main => {
      const m = await getJson(`/api/metrics/domains/${encodeURIComponent(id)}?${WINDOW}`);
      main.append(...title(`Domain ${id}`, m), kpis(m), charts(m), openWork(m));
    });
  }

  async function optional(path) {
    try {
      return await getJson(path);
    } catch (error) {
      return null;
    }
  }

  async function contract() {
    const id = params.get('id');
    await header(null);
    await page(async main => {
      const catalog = await getJson(`/api/contracts/${encodeURIComponent(id)}`);
      const [health, consumers, incidents, audit] = await Promise.all([
        optional(`/api/metrics/contracts/${encodeURIComponent(id)}?${WINDOW}`),
        optional(`/api/contracts/${encodeURIComponent(id)}/consumers`),
        optional(`/api/incidents?contractId=${encodeURIComponent(id)}`),
        optional(`/api/audit/events?aggregateType=contract&aggregateId=${encodeURIComponent(id)}&limit=200`)]);
      main.append(el('h2', {}, catalog.name ? `${catalog.name} (${id})` : id),
        el('p', {class: 'subtitle'}, 'Domain ', domainLink(catalog.domain), ' · ',
          link(`/api/contracts/${encodeURIComponent(id)}`, 'catalog entry (JSON)')));
      const grid = el('div', {class: 'grid'});
      main.append(grid);

      let p = panel('Versions', true);
      p.append(table('table-versions', [['Version'], ['Status'], ['Proposed by'], ['Proposed'], ['Published'],
          ['Sunset'], ['']],
        catalog.versions.map(v => [link(`/api/contracts/${encodeURIComponent(id)}/versions/${v.version}`, v.version),
          v.status, v.proposedBy, date(v.proposedAt), date(v.publishedAt), date(v.sunset),
          ['IN_REVIEW', 'CHANGES_REQUESTED'].includes(v.status) ? tasklistLink(`${id}:${v.version}`) : '']),
        'No version.'));
      grid.append(p);

      p = panel('Consumers with grants in force');
      const consumerRows = consumers ? Object.entries(consumers).flatMap(([major, list]) =>
        list.map(c => [`${major}.x`, domainLink(c.consumerDomain), c.grantIds.length])) : [];
      p.append(table('table-consumers', [['Major'], ['Consumer'], ['Grants', true]], consumerRows,
        consumers ? 'No consumer.' : 'Consumers unavailable.'));
      grid.append(p);

      p = panel('Quality compliance per week and version (%)');
      grid.append(p);
      const trends = health ? health.qualityByVersion : [];
      const weeks = trends.length ? trends[0].weekly.map(w => w.week) : [];
      chart(p, 'chart-contract-quality', {xAxis: {type: 'category', data: weeks},
        yAxis: {type: 'value', min: 0, max: 100},
        series: trends.map(t => ({name: t.version, type: 'line', connectNulls: true,
          data: t.weekly.map(w => w.compliance === null ? null : w.compliance * 100)}))});

      p = panel('Incidents raised per week, by severity');
      grid.append(p);
      const weekly = health ? health.incidentsPerWeek : [];
      chart(p, 'chart-contract-incidents', {xAxis: weeklyAxis(weekly), yAxis: {type: 'value', minInterval: 1},
        color: SEVERITY_COLOURS, series: SEVERITIES.map(severity => ({name: severity, type: 'bar', stack: 'raised',
          data: weekly.map(w => w.bySeverity[severity])}))});

      p = panel('Incidents');
      const incidentList = Array.isArray(incidents) ? incidents : (incidents && incidents.incidents) || null;
      p.append(incidentList === null ? el('p', {class: 'empty'}, 'The incident list is not available.')
        : table('table-incidents', [['Severity'], ['Kind'], ['Title'], ['Status'], ['Raised']],
          incidentList.map(i => [el('span', {class: String(i.severity).toLowerCase()}, i.severity), i.kind, i.title,
            i.status, date(i.raisedAt)]), 'No incident.'));
      grid.append(p);

      p = panel('Audit timeline', true);
      const events = audit ? audit.events : null;
      p.append(events === null ? el('p', {class: 'empty'}, 'The audit log of this domain is not readable for you.')
        : table('table-audit', [['When'], ['Event'], ['By']],
          events.slice().reverse().map(e => [date(e.timestamp), e.type.replace(/^.*\./, '').replace(/Event$/, ''),
            e.actor || '–']), 'No event.'));
      grid.append(p);
    });
  }

  return {overview, domain, contract};
})();
