package com.summit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.summit.base.UserFacingException;
import com.summit.base.i18n.Locales;
import com.summit.base.i18n.Messages;
import com.summit.security.domain.Role;
import com.summit.security.domain.SummitUser;
import com.summit.security.service.UserService;
import com.summit.tasklist.domain.TaskEvent;
import com.summit.tasklist.service.TaskOutcome;
import com.summit.tasklist.service.TaskRow;
import com.summit.tasklist.service.TaskService;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Claim, give back, assign: the server decides who may see, take and complete a task. */
class TaskAssignmentIT extends LocalAppIT {

    @Autowired CamundaClient client;
    @Autowired TaskService tasks;
    @Autowired com.summit.tasklist.service.TaskAssignment assignment;
    @Autowired com.summit.tasklist.service.TaskCommentService comments;
    @Autowired UserService users;
    @Autowired Messages messages;
    @Autowired com.summit.engine.ProcessEngine engine;

    private SummitUser legal;
    private SummitUser secondLegal;
    private SummitUser rep;
    private SummitUser manager;

    @BeforeEach
    void setUp() {
        users.createIfMissing(new SummitUser("zhoujing", "周静", Set.of(Role.LEGAL), "法务部", null), "summit");
        legal = users.find("wangfang").orElseThrow();
        secondLegal = users.find("zhoujing").orElseThrow();
        rep = users.find("zhangwei").orElseThrow();
        manager = users.find("lina").orElseThrow();
        engine.deploy("test-legal-review.bpmn", Bpmn.convertToString(Bpmn.createExecutableProcess("test-legal-review")
                .startEvent()
                .userTask("Task_LegalReview", t -> t.name("法务审查合同条款").zeebeCandidateGroups("LEGAL"))
                .endEvent()
                .done()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void candidatesClaimAndGiveBackWhileOthersCanNeitherSeeNorTakeTheTask() {
        long taskId = startReview();

        assertThat(ids(tasks.claimable(legal, Locales.ZH_CN))).contains(taskId);
        assertThat(ids(tasks.inbox(rep))).doesNotContain(taskId);
        assertRefused(() -> tasks.open(taskId, rep, Locales.ZH_CN), "找不到这项任务。");
        assertRefused(() -> assignment.claim(taskId, rep), "找不到这项任务。");
        assertRefused(() -> tasks.history(taskId, rep), "找不到这项任务。");
        assertRefused(() -> tasks.complete(taskId, legal, "{}", Locales.ZH_CN), "只有任务的处理人才能提交。");

        assignment.claim(taskId, legal);
        assertThat(ids(tasks.assignedTo(legal, Locales.ZH_CN))).contains(taskId);
        assertThat(ids(tasks.claimable(secondLegal, Locales.ZH_CN))).doesNotContain(taskId);
        assertRefused(() -> assignment.claim(taskId, secondLegal), "这项任务已由王芳认领。");

        assignment.unclaim(taskId, legal);
        assertThat(ids(tasks.claimable(secondLegal, Locales.ZH_CN))).contains(taskId);

        assertRefused(() -> assignment.assign(taskId, rep, "zhoujing"), "只有销售经理可以指派任务。");
        assertRefused(() -> tasks.allOpen(rep, Locales.ZH_CN), "你无权查看这项任务。");
        // a legal review of no deal: the sales manager neither sees it nor hands it on; the legal head does
        assertThat(ids(tasks.allOpen(manager, Locales.ZH_CN))).doesNotContain(taskId);
        assertRefused(() -> assignment.assign(taskId, manager, "zhoujing"), "找不到这项任务。");
        SummitUser legalHead = users.find("zhoujun").orElseThrow();
        assertRefused(() -> assignment.assign(taskId, legalHead, "chenjie"), "部门审批只能指派给本部门的审批人，陈杰不是。");
        assignment.assign(taskId, legalHead, "zhoujing");
        assertThat(ids(tasks.assignedTo(secondLegal, Locales.ZH_CN))).contains(taskId);
        assertThat(tasks.complete(taskId, secondLegal, "{}", Locales.ZH_CN)).isEqualTo(TaskOutcome.COMPLETED);

        assertThat(tasks.history(taskId, legalHead)).extracting(TaskEvent::type, TaskEvent::actor, TaskEvent::target).containsExactly(
                org.assertj.core.groups.Tuple.tuple(TaskEvent.Type.CREATED, null, null),
                org.assertj.core.groups.Tuple.tuple(TaskEvent.Type.CLAIMED, "wangfang", "wangfang"),
                org.assertj.core.groups.Tuple.tuple(TaskEvent.Type.UNCLAIMED, "wangfang", null),
                org.assertj.core.groups.Tuple.tuple(TaskEvent.Type.ASSIGNED, "zhoujun", "zhoujing"),
                org.assertj.core.groups.Tuple.tuple(TaskEvent.Type.COMPLETED, "zhoujing", null));
    }

    @Test
    void ofTwoSubmissionsAtTheSameMomentExactlyOneSucceedsAndTheOtherIsToldWhoCompletedIt() throws Exception {
        long taskId = startReview();
        assignment.claim(taskId, legal);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Object> outcomes = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 2; i++) {
            pool.submit(() -> {
                go.await();
                try {
                    outcomes.add(tasks.complete(taskId, legal, "{}", Locales.ZH_CN));
                } catch (UserFacingException e) {
                    outcomes.add(messages.getTranslation(e.messageKey(), Locales.ZH_CN, e.arguments()));
                }
                return null;
            });
        }
        go.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        assertThat(outcomes).containsExactlyInAnyOrder(TaskOutcome.COMPLETED, "这项任务已由王芳完成。");
        assertThat(tasks.history(taskId, legal)).filteredOn(e -> e.type() == TaskEvent.Type.COMPLETED).hasSize(1);
    }

    @Test
    void commentsAreForThoseWhoMaySeeTheTaskAndAnEmptyOneIsRefused() {
        long taskId = startReview();
        comments.comment(taskId, legal, "付款条款第 7 条需要客户法务确认");
        comments.comment(taskId, users.find("zhoujun").orElseThrow(), "请本周内给出结论");

        assertThat(comments.comments(taskId, secondLegal)).extracting(c -> c.author(), c -> c.body()).containsExactly(
                org.assertj.core.groups.Tuple.tuple("wangfang", "付款条款第 7 条需要客户法务确认"),
                org.assertj.core.groups.Tuple.tuple("zhoujun", "请本周内给出结论"));
        assertRefused(() -> comments.comment(taskId, legal, "   "), "评论不能为空");
        assertRefused(() -> comments.comment(taskId, legal, "长".repeat(2001)), "评论最多 2000 个字");
        assertRefused(() -> comments.comment(taskId, rep, "我也想看看"), "找不到这项任务。");
        assertRefused(() -> comments.comments(taskId, rep), "找不到这项任务。");
        assertThat(comments.comments(taskId, legal)).hasSize(2);
    }

    private long startReview() {
        long instance = client.newCreateInstanceCommand().bpmnProcessId("test-legal-review").latestVersion()
                .variables(Map.of("customerName", "测试客户")).send().join().getProcessInstanceKey();
        TaskRow row = await().atMost(Duration.ofSeconds(30)).until(() -> tasks.claimable(legal, Locales.ZH_CN).stream()
                .filter(r -> r.task().processInstanceKey() == instance).findFirst().orElse(null), r -> r != null);
        return row.task().id();
    }

    private static List<Long> ids(List<TaskRow> rows) {
        return rows.stream().map(r -> r.task().id()).toList();
    }

    private void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(messages.getTranslation(e.messageKey(), Locales.ZH_CN, e.arguments())).isEqualTo(message));
    }
}
