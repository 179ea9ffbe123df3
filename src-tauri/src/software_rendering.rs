//! WebKitGTK on a machine without a GPU (a VM, a remote desktop, Xvfb): by default it still
//! renders through DMA-BUF buffers drawn by Mesa's software GL (llvmpipe), which costs the web
//! process about 85 MiB more memory and CPU time for no visual gain (measured here: web process
//! 205 → 117 MiB, the app's processes 320 → 226 MiB PSS). Without a DRM render node there is no GPU to use, so the
//! app asks WebKit for its shared-memory renderer instead — before any web process starts,
//! since they inherit the environment. A user's own setting of the variable always wins.

use std::path::Path;

/// WebKitGTK's switch for its shared-memory renderer (also the usual fix for blank windows on
/// some GPU drivers, so users may have set it themselves).
pub const DISABLE_DMABUF_RENDERER: &str = "WEBKIT_DISABLE_DMABUF_RENDERER";

/// Whether the shared-memory renderer should be chosen: nobody set the switch and `dri_dir`
/// (normally `/dev/dri`) holds no render node (`renderD128`, …).
pub fn prefer_shared_memory_renderer(dri_dir: &Path, switch_already_set: bool) -> bool {
    !switch_already_set && !has_render_node(dri_dir)
}

fn has_render_node(dri_dir: &Path) -> bool {
    std::fs::read_dir(dri_dir).is_ok_and(|entries| {
        entries
            .flatten()
            .any(|entry| entry.file_name().to_string_lossy().starts_with("renderD"))
    })
}

/// Applies the choice for this process and the WebKit processes it starts. Call first thing in
/// `main`, while the process has one thread.
pub fn choose_renderer() {
    if cfg!(target_os = "linux")
        && prefer_shared_memory_renderer(
            Path::new("/dev/dri"),
            std::env::var_os(DISABLE_DMABUF_RENDERER).is_some(),
        )
    {
        std::env::set_var(DISABLE_DMABUF_RENDERER, "1");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_machine_without_a_dri_folder_gets_the_shared_memory_renderer() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        assert!(prefer_shared_memory_renderer(
            &dir.path().join("dri"),
            false
        ));
    }

    #[test]
    fn a_card_without_a_render_node_gets_the_shared_memory_renderer() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        std::fs::write(dir.path().join("card0"), "").expect("written");
        assert!(prefer_shared_memory_renderer(dir.path(), false));
    }

    #[test]
    fn a_gpu_render_node_keeps_the_default_renderer() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        std::fs::write(dir.path().join("card0"), "").expect("written");
        std::fs::write(dir.path().join("renderD128"), "").expect("written");
        assert!(!prefer_shared_memory_renderer(dir.path(), false));
    }

    #[test]
    fn the_users_own_setting_is_never_overridden() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        assert!(!prefer_shared_memory_renderer(
            &dir.path().join("dri"),
            true
        ));
    }
}
