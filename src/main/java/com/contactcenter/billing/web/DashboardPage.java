package com.contactcenter.billing.web;

import com.contactcenter.billing.source.SourceProperties;
import com.contactcenter.billing.source.SourceRegistry;
import com.contactcenter.billing.validation.DateLimits;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

/**
 * The billing screens ("Parametrización > Facturación"): a server-rendered page holding the filters,
 * whose script fills each section from {@link DashboardApi}. Filters travel in the URL, so a view can
 * be bookmarked and shared.
 */
@Controller
class DashboardPage {

    static final List<String> PRESETS = List.of("today", "this-week", "this-month", "last-month", "custom");
    static final List<String> GROUP_BYS = List.of("day", "week", "month");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SourceRegistry sources;
    private final DashboardTexts texts;
    private final Clock clock;
    private final DateLimits dates;

    DashboardPage(SourceRegistry sources, DashboardTexts texts, Clock clock, DateLimits dates) {
        this.sources = sources;
        this.texts = texts;
        this.clock = clock;
        this.dates = dates;
    }

    @GetMapping("/")
    String home() {
        return "redirect:/dashboard";
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("lang", texts.locale().getLanguage());
        return "login";
    }

    @GetMapping("/dashboard")
    String dashboard(
            @RequestParam(required = false) String source,
            @RequestParam(required = false) String preset,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String groupBy,
            Authentication user,
            Model model) {
        TenantScope scope = TenantScope.of(user);
        List<String> visible = scope.visible(sources.names());
        model.addAttribute("lang", texts.locale().getLanguage());
        model.addAttribute("sources", visible);
        model.addAttribute("presets", PRESETS);
        model.addAttribute("groupBys", GROUP_BYS);
        model.addAttribute("user", user.getName());
        model.addAttribute("labels", JSON.writeValueAsString(scriptLabels()));
        if (visible.isEmpty()) {
            model.addAttribute("error", texts.get("error.noSources"));
            return "dashboard";
        }
        SourceProperties selected = DashboardApi.source(sources, scope, source);
        try {
            // the page names a refused date by its field's label, as the admin sees it
            DashboardQuery query = DashboardQuery.resolve(
                    selected,
                    preset,
                    from,
                    to,
                    groupBy,
                    clock,
                    dates,
                    scope,
                    new DashboardQuery.DateNames(texts.get("filter.from"), texts.get("filter.to")));
            model.addAttribute("query", query);
        } catch (Refusal e) {
            model.addAttribute("error", texts.text(e));
            model.addAttribute("query", DashboardQuery.resolve(selected, null, null, null, null, clock, dates, scope));
        }
        return "dashboard";
    }

    /** A source this account may not see shows the same page as one that does not exist, and nothing of it. */
    @ExceptionHandler(Refusal.class)
    ModelAndView refused(Refusal e, Authentication user) {
        ModelAndView view = new ModelAndView(ErrorPages.VIEW, e.status());
        view.addObject("lang", texts.locale().getLanguage());
        view.addObject("heading", texts.get("notFound.title"));
        view.addObject("error", texts.text(e));
        view.addObject("user", user == null ? null : user.getName());
        return view;
    }

    /** The js.* texts of the configured language, for the page's script. */
    private Map<String, String> scriptLabels() {
        Map<String, String> labels = new TreeMap<>();
        for (String key : DashboardLabels.SCRIPT_KEYS) {
            labels.put(key.substring(3), texts.getOrElse(key, key));
        }
        return labels;
    }
}
