// The console's one script (no inline scripts: the Content-Security-Policy forbids them).
// It sends the CSRF token with every htmx request and draws the charts the server described in data-chart.
(function () {
  "use strict";

  var csrfToken = document.querySelector('meta[name="_csrf"]');
  var csrfHeader = document.querySelector('meta[name="_csrf_header"]');
  document.body.addEventListener("htmx:configRequest", function (event) {
    if (csrfToken && csrfHeader) {
      event.detail.headers[csrfHeader.content] = csrfToken.content;
    }
  });

  var charts = [];

  function drawCharts(root) {
    if (typeof echarts === "undefined") {
      return;
    }
    root.querySelectorAll("[data-chart]").forEach(function (element) {
      if (element.dataset.drawn === "yes") {
        return;
      }
      var chart = echarts.init(element, null, {renderer: "canvas"});
      chart.setOption(JSON.parse(element.dataset.chart));
      element.dataset.drawn = "yes";
      charts.push(chart);
    });
  }

  drawCharts(document);
  document.body.addEventListener("htmx:afterSettle", function (event) {
    drawCharts(event.detail.elt || document);
  });
  window.addEventListener("resize", function () {
    charts.forEach(function (chart) {
      chart.resize();
    });
  });
})();
