// fmt compiled once, from Debian's headers.
//
// Debian's libfmt-dev ships fmt as headers and a shared library only. The
// release binary links its runtime statically (a triage should cost little
// more than starting a process), and fmt's header-only mode made every file
// that formats compile all of fmt again: 3.5 of the 4.4 seconds a one-line
// fmt::print took to compile. Here, instead, the out-of-line part of fmt is
// compiled in this one file, and every other file includes <fmt/format.h>
// as it would with the library installed.
//
// Without FMT_HEADER_ONLY, <fmt/format-inl.h> defines fmt's non-template
// functions out of line; the templates it declares for the library to
// provide are instantiated below, for the character types fmt provides
// them for. CMakeLists.txt uses this file only with the fmt major version
// it was written against, and header-only fmt otherwise.
#include <fmt/format-inl.h>

FMT_BEGIN_NAMESPACE
namespace detail {

template auto dragonbox::to_decimal(float x) noexcept -> dragonbox::decimal_fp<float>;
template auto dragonbox::to_decimal(double x) noexcept -> dragonbox::decimal_fp<double>;

template locale_ref::locale_ref(const std::locale& loc);
template auto locale_ref::get<std::locale>() const -> std::locale;

template auto thousands_sep_impl(locale_ref) -> thousands_sep_result<char>;
template auto thousands_sep_impl(locale_ref) -> thousands_sep_result<wchar_t>;
template auto decimal_point_impl(locale_ref) -> char;
template auto decimal_point_impl(locale_ref) -> wchar_t;

template void buffer<char>::append(const char*, const char*);
template void buffer<wchar_t>::append(const wchar_t*, const wchar_t*);

template void vformat_to(buffer<char>&, string_view, basic_format_args<FMT_BUFFER_CONTEXT(char)>,
                         locale_ref);

}  // namespace detail
FMT_END_NAMESPACE
