/*
 * Virkning: the page for hosts that cannot run the task pane (issue 22 item 6).
 *
 * Plain ES5 on purpose (no arrow functions, no let/const, no template strings): it must run in
 * the oldest webviews Office uses for add-ins (Internet Explorer 11's Trident in Office 2019
 * volume-licensed, EdgeHTML in Office 2016/2019 retail and Microsoft 365 without WebView2, and
 * Safari before 16.4 on a Mac), which cannot parse the ES2022 bundle. It is a separate file
 * loaded by taskpane.html before the bundle (no inline script: the Content-Security-Policy
 * forbids it), and it does nothing unless the bundle never started: the bundle sets
 * window.__virkningStarted when its entry module runs; if that flag is missing once the page
 * has loaded, the bundle failed to parse or run, and this page says why and what to do.
 * Source for which Office uses which webview: Microsoft Learn, "Browsers and webview controls
 * used by Office Add-ins" and "Support older Microsoft webviews and Office versions".
 */
(function () {
  "use strict";
  var TEXT = [
    {
      lang: "da",
      title: "Virkning kan ikke køre i denne version af Excel",
      lines: [
        "Tilføjelsesprogrammet kræver en nyere browsermotor, end denne Excel bruger til tilføjelsesprogrammer.",
        "Virkning virker i Microsoft 365 og i Office 2021 eller nyere til Windows (med Microsoft Edge WebView2), i Excel til Mac med Safari 16.4 eller nyere (macOS 13.3 eller nyere) og i Excel på internettet i en opdateret browser. Office 2016 og Office 2019 til Windows kan ikke køre Virkning.",
        "Bed jeres it-afdeling om at installere Microsoft Edge WebView2 Runtime (Evergreen) og om at opdatere Office til Microsoft 365 eller Office 2021/2024. Indtil da kan I bruge Virkning i Excel på internettet."
      ]
    },
    {
      lang: "en",
      title: "Virkning cannot run in this version of Excel",
      lines: [
        "The add-in needs a newer browser engine than this Excel uses for add-ins.",
        "Virkning works in Microsoft 365 and in Office 2021 or later on Windows (with Microsoft Edge WebView2), in Excel for Mac with Safari 16.4 or later (macOS 13.3 or later) and in Excel on the web in an up-to-date browser. Office 2016 and Office 2019 on Windows cannot run Virkning.",
        "Ask your IT department to install the Microsoft Edge WebView2 Runtime (Evergreen) and to update Office to Microsoft 365 or Office 2021/2024. Until then you can use Virkning in Excel on the web."
      ]
    }
  ];

  function el(tag, text, attrs) {
    var e = document.createElement(tag);
    if (text) e.appendChild(document.createTextNode(text));
    for (var k in attrs || {}) if (Object.prototype.hasOwnProperty.call(attrs, k)) e.setAttribute(k, attrs[k]);
    return e;
  }

  function show() {
    if (window.__virkningStarted === true || document.getElementById("virkning-unsupported")) return;
    var box = el("div", "", { id: "virkning-unsupported", style: "padding:12px;font-family:'Segoe UI',Arial,sans-serif;font-size:14px;line-height:1.4;color:#242424;max-width:100%;box-sizing:border-box" });
    for (var i = 0; i < TEXT.length; i++) {
      var part = el("section", "", { lang: TEXT[i].lang });
      part.appendChild(el("h1", TEXT[i].title, { style: "font-size:16px;margin:0 0 8px 0" }));
      for (var j = 0; j < TEXT[i].lines.length; j++) part.appendChild(el("p", TEXT[i].lines[j], { style: "margin:0 0 8px 0" }));
      if (i === 0) part.appendChild(el("hr", "", { style: "border:0;border-top:1px solid #d1d1d1;margin:12px 0" }));
      box.appendChild(part);
    }
    var container = document.getElementById("container") || document.body;
    container.appendChild(box);
  }

  function check() {
    // the bundle's scripts are deferred: they have run (or failed) before "load"; a little slack for slow hosts
    window.setTimeout(show, 500);
  }

  if (window.addEventListener) window.addEventListener("load", check, false);
  else if (window.attachEvent) window.attachEvent("onload", check);
})();
