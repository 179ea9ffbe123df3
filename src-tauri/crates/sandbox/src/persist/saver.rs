//! The thread that writes the state to disk: it wakes every few tens of milliseconds, and
//! when the change counters moved and the last save is old enough, saves. The debounce grows
//! with the cost of a save (at least 200 ms, at least four times the last save's duration),
//! so a large state being written to constantly costs at most about a fifth of one core.

use std::collections::HashSet;
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use super::capture::Capturer;
use super::folder::Folder;
use super::PersistError;
use crate::state::SandboxState;

const POLL: Duration = Duration::from_millis(50);
const MIN_INTERVAL: Duration = Duration::from_millis(200);

#[derive(Debug, Default)]
struct Control {
    stop: Mutex<bool>,
    wake: Condvar,
}

impl Control {
    /// Sleeps up to `POLL`; true once a stop was asked for.
    fn wait(&self) -> bool {
        let stop = self
            .stop
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if *stop {
            return true;
        }
        let (stop, _) = self
            .wake
            .wait_timeout(stop, POLL)
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        *stop
    }
}

/// Saves the state in the background; [`Saver::finish`] (or dropping it) saves what is left
/// and lets go of the folder.
#[derive(Debug)]
pub struct Saver {
    control: Arc<Control>,
    thread: Option<JoinHandle<()>>,
}

struct Job {
    state: Arc<SandboxState>,
    folder: Folder,
    capturer: Capturer,
}

impl Job {
    fn save(&mut self) -> Result<(), PersistError> {
        let capture = self.capturer.capture(&self.state)?;
        let mut keep = HashSet::new();
        for object in &capture.objects {
            let md5 = object.etag.to_ascii_lowercase();
            if !self.folder.has_body(&md5) {
                self.folder.write_body(&md5, &object.data)?;
            }
            keep.insert(md5);
        }
        let json = serde_json::to_vec(&capture.snapshot).map_err(|e| PersistError::Encode {
            what: "the state".to_owned(),
            reason: e.to_string(),
        })?;
        self.folder.write_state(&json)?;
        self.folder.remove_bodies_except(&keep);
        Ok(())
    }

    fn run(mut self, control: &Control, restored: bool) {
        // A fresh folder is written at once, so it holds the seed's identity from the start.
        let mut saved = restored.then(|| self.state.change_count());
        let mut last_save = Instant::now();
        let mut interval = MIN_INTERVAL;
        // Printed once per distinct error, not on every retry.
        let mut last_error = None;
        loop {
            let stopping = control.wait();
            let count = self.state.change_count();
            let due = saved.is_none() || last_save.elapsed() >= interval;
            if saved != Some(count) && (due || stopping) {
                let started = Instant::now();
                match self.save() {
                    Ok(()) => {
                        saved = Some(count);
                        last_error = None;
                    }
                    Err(error) => {
                        let text = error.to_string();
                        if last_error.as_ref() != Some(&text) {
                            eprintln!(
                                "sandbox: could not save its state in {} (retrying): {text}",
                                self.folder.root().display()
                            );
                        }
                        last_error = Some(text);
                    }
                }
                last_save = Instant::now();
                interval = MIN_INTERVAL.max(started.elapsed() * 4);
            }
            if stopping {
                return;
            }
        }
    }
}

impl Saver {
    pub fn spawn(
        state: Arc<SandboxState>,
        folder: Folder,
        capturer: Capturer,
        restored: bool,
    ) -> Self {
        let control = Arc::new(Control::default());
        let job = Job {
            state,
            folder,
            capturer,
        };
        let thread_control = control.clone();
        let thread = std::thread::Builder::new()
            .name("sandbox-saver".to_owned())
            .spawn(move || job.run(&thread_control, restored))
            .map_err(|error| eprintln!("sandbox: could not start saving its state: {error}"))
            .ok();
        Self { control, thread }
    }

    /// Saves what changed since the last save, then stops.
    pub fn finish(&mut self) {
        *self
            .control
            .stop
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = true;
        self.control.wake.notify_all();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for Saver {
    fn drop(&mut self) {
        self.finish();
    }
}
